import type { Severity } from '../contract/requirements';
import type { ReportedCheckRequirement } from './certificationReport';
import type { ReceiverAnswer } from './ReceiverAnswer';

/**
 * One root cause: the failures a receiver's one way of answering explains, with the receiver's own
 * answer, the requirements it makes fail (`explains`) and those whose checks it kept from judging
 * anything (`blocks`). report.json lists findings in the order to fix them.
 */
export interface Finding {
  /** What the receiver did to which cases: `Valid events of 19 types are refused: 400 json: unknown field "accountID"`. */
  readonly title: string;
  /** What a conformant receiver answers instead (as the first failure of the group says). */
  readonly expected: string;
  /** The receiver's own answer, from the first failure of the group (absent in reports without answers). */
  readonly answer?: ReceiverAnswer;
  /** Cases of the failing kinds that got this answer (at least the failures listed). */
  readonly cases: number;
  /** Event types among those cases. */
  readonly eventTypes: readonly string[];
  /** Requirements that fail because of it. */
  readonly explains: readonly ReportedCheckRequirement[];
  /** Requirements whose checks could not judge their cases because of it (reported blocked). */
  readonly blocks: readonly ReportedCheckRequirement[];
  /** The reported failures it groups, by case ID. */
  readonly failures: readonly string[];
  /** The highest severity among the requirements it explains. */
  readonly severity: Severity;
  /** On the finding of 413 answers: the sizes refused and accepted, which bound the receiver's body limit. */
  readonly bodyLimit?: BodyLimit;
}

/** Where a receiver's body limit lies, from the bodies it refused as too large (413) and accepted. */
export interface BodyLimit {
  /** Bodies answered 413, and the smallest and largest of them in bytes. */
  readonly refused: number;
  readonly refusedFromBytes: number;
  readonly refusedUpToBytes: number;
  /** The largest body accepted, in bytes (absent when none was). */
  readonly acceptedUpToBytes?: number;
  /** The run's body-size budget (--max-event-bytes): every body up to it must be accepted. */
  readonly budgetBytes?: number;
}

/** A set-up mistake the answers point at; `message` says what to check. */
export interface SetupHint {
  readonly code: SetupHintCode;
  readonly message: string;
}

/**
 * - `tls-untrusted`: the certificate chain is not trusted; `tls-error`: any other TLS failure;
 * - `unreachable`: no delivery got an HTTP answer;
 * - `wrong-path`: every answer was 404 or 405;
 * - `redirect`: every correctly signed valid event was answered with a redirect (3xx);
 * - `wrong-secret`: every correctly signed valid event was answered 401 (or 403).
 */
export type SetupHintCode = 'tls-untrusted' | 'tls-error' | 'unreachable' | 'wrong-path' | 'redirect' | 'wrong-secret';
