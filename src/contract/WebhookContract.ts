/**
 * One webhook provider's rules, as data: how it signs, how long it waits, how it retries and how it
 * reads the receiver's status. Everything in hookproof that applies a provider's rule reads it from
 * an instance of this type; nothing restates a number of it.
 *
 * gridX ({@link gridx}) is the only instance today. A second provider is a second constant of this
 * type in its own file beside `gridx.ts` (another header name, algorithm and digest length, a
 * `timestampToleranceMs` if it signs a timestamp, its own deadline, retry policy and status
 * classes), plus whatever its rules need that this shape cannot say yet (a timestamp header's name
 * and the signed-payload layout, say), added here as optional fields so gridX stays unchanged.
 * Code that still reads `gridx` directly then takes the contract as a parameter instead.
 */
export interface WebhookContract {
  /** The provider as reports and messages name it, e.g. "gridX". */
  readonly provider: string;
  readonly signature: SignatureScheme;
  /** No complete answer within this many milliseconds is a timeout (gridX: DLV-1). */
  readonly deadlineMs: number;
  readonly retry: RetryPolicy;
  readonly statuses: StatusClasses;
}

/** How the provider signs a delivery, and the grammar of the header that carries the signature. */
export interface SignatureScheme {
  /** The header's name as the provider writes it, e.g. "X-Signature". */
  readonly header: string;
  /** The HMAC's hash, as node:crypto names it. */
  readonly algorithm: 'sha512' | 'sha256' | 'sha1';
  /** The label before each digest in the header (`<label>=<hex>`). */
  readonly label: string;
  /** Hex digits of one digest (twice the hash's length in bytes). */
  readonly hexDigits: number;
  /**
   * How many digests one header carries: one per secret the provider signs with, more than one
   * during a secret rotation.
   */
  readonly digests: { readonly min: number; readonly max: number };
  /**
   * How far a signed timestamp may lie from the receiver's clock, in milliseconds; `undefined` when
   * the provider signs no timestamp (gridX), so a receiver cannot reject replays by age.
   */
  readonly timestampToleranceMs: number | undefined;
}

/**
 * The provider's retry policy: after a transient answer or a timeout it delivers again, up to
 * `retries` more times, waiting `baseDelayMs × factor^(n−1)` before retry n.
 */
export interface RetryPolicy {
  readonly retries: number;
  readonly baseDelayMs: number;
  readonly factor: number;
}

/**
 * How the provider reads a status: closed lists of the success, transient (retried) and gone
 * (subscription deleted) statuses; every other status is a permanent error, never retried.
 */
export interface StatusClasses {
  readonly success: readonly number[];
  readonly transient: readonly number[];
  readonly gone: readonly number[];
}
