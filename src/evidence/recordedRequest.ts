import { signatureRecipe, type SignatureRecipe } from './signatureRecipe';

/** A sent request as stored in report.json: enough to resend it byte for byte, with no secret. */
export interface RecordedRequest {
  /** The body, base64-encoded (bodies may be invalid UTF-8 on purpose). */
  readonly bodyBase64: string;
  /** The body as text when it is valid UTF-8, for people reading the report. */
  readonly bodyText?: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly signature: SignatureRecipe;
  /**
   * Set when the body held a secret and the report's copy has it replaced by `[redacted]`: the
   * stored bytes then differ from those sent, and `size` is the size that was sent.
   */
  readonly redacted?: { readonly size: number; readonly sha256: string };
  /**
   * Set when only a prefix of a large body is stored (listen reports): `size` and `sha256` are
   * those of the whole body as received.
   */
  readonly truncated?: { readonly size: number; readonly sha256: string };
}

/** What {@link recordRequest} records of a sent case: its exact bytes, extra headers and signature. */
export interface SentRequest {
  readonly body: Buffer;
  readonly headers?: Readonly<Record<string, string>>;
  /** The X-Signature header sent (undefined: none). */
  readonly signature: string | undefined;
  /** The bytes the signature was made over, when they differ from `body`. */
  readonly signedBody?: Uint8Array;
}

/** The report's copy of a sent request (structurally an `OutgoingCase` of checks/). */
export function recordRequest(outgoing: SentRequest, secrets: readonly string[]): RecordedRequest {
  const text = outgoing.body.toString('utf8');
  const isText = Buffer.from(text, 'utf8').equals(outgoing.body);
  return {
    bodyBase64: outgoing.body.toString('base64'),
    ...(isText ? { bodyText: text } : {}),
    headers: { ...(outgoing.headers ?? {}) },
    signature: signatureRecipe(outgoing.body, outgoing.signature, secrets, outgoing.signedBody),
  };
}
