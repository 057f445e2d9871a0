import type { ReceiverAnswer } from './ReceiverAnswer';
import type { RecordedRequest } from './recordedRequest';

/**
 * `blocked`: the check's cases could not be judged because something more basic fails (no valid
 * event of that type is accepted, the receiver never answers…); `blockedBy` names what, `note` says it in words.
 * `inconclusive`: nothing failed, but some case could not be judged cleanly because hookproof's own
 * process stalled while it was in flight (and again when re-sent); `note` says how. Never a failure.
 */
export type CheckStatus = 'pass' | 'fail' | 'warn' | 'skip' | 'blocked' | 'inconclusive';

/** How to send a failing case again: a ready curl command and the replay command. */
export interface Reproduction {
  /**
   * A shell snippet: writes the exact body to a file and POSTs it with curl, signing from
   * $HOOKPROOF_SECRET; one numbered command per delivery of the case.
   */
  readonly curl: string;
  /** `npx --no-install hookproof replay <report> <case> --url …`. */
  readonly replay: string;
  /**
   * Set when the body is above 2 KB: where the report writer puts it (`<report dir>/bodies/<case>.body`),
   * so that the console prints a snippet copying that file instead of a line longer than a screen.
   * `curl` itself stays self-contained.
   */
  readonly bodyFile?: string;
}

/**
 * What a delivery is for in its case: `setup` must be accepted for the case to be judged (the first
 * delivery of a duplicate, the newer event of an out-of-order pair, the original of a tampered
 * copy); `judged` deliveries are judged by the requirement's rule; a `control` is sent only when a
 * judged delivery is answered wrongly, to tell whether something more basic fails.
 */
export type DeliveryRole = 'setup' | 'judged' | 'control';

/** One delivery a case is made of, recorded like the case's own request. */
export interface CaseDelivery {
  readonly role: DeliveryRole;
  readonly label: string;
  readonly request: RecordedRequest;
  /** Deliveries with the same batch number were sent at once (DLV-6); absent: sent alone. */
  readonly batch?: number;
}

/** A case of several deliveries: all of them in the order sent, and how the judged ones were sent. */
export interface CasePlan {
  readonly deliveries: readonly CaseDelivery[];
  /** Set when judged deliveries were sent under gridX's retry policy (DLV-7), first retry after `baseDelayMs`. */
  readonly retries?: { readonly baseDelayMs: number };
}

/** One case a receiver answered wrongly, shrunk to a minimal one. */
export interface Failure {
  /** Case ID, unique in the report: `<check-id>#<n>`. */
  readonly case: string;
  /** What the case is, e.g. "wrong-secret" or "missing-required /data/state (ev/plugged)". */
  readonly label: string;
  /** What a conformant receiver answers, e.g. "401". */
  readonly expected: string;
  /** What this receiver answered, e.g. "204 success in 3 ms". */
  readonly actual: string;
  readonly reproduce: Reproduction;
  /** The request itself (no secret in it), for `hookproof replay`. */
  readonly request: RecordedRequest;
  /** The receiver's own answer to it (status, key headers, start of the body), sanitised and redacted. */
  readonly answer?: ReceiverAnswer;
  /** What kind of case it was: the coverage column ("valid", "invalid:<kind>", "signature:<label>"). */
  readonly variant?: string;
  /** The event type the body was made from. */
  readonly eventType?: string;
  /**
   * Every delivery the case is made of, when it is more than `request` alone (duplicates, pairs,
   * batches, retries, controls): `hookproof replay` sends them all and judges the whole case.
   */
  readonly plan?: CasePlan;
}
