import type { BodyJudgement } from './judgeBody';
import type { SignatureJudgement } from './judgeSignature';

/**
 * One delivery the listener received, judged and answered. Times are in milliseconds since the
 * listener started, on a monotonic clock (`atMs`), plus the wall-clock arrival (`receivedAt`).
 */
export interface ReceivedDelivery {
  /** 1-based order of arrival. */
  readonly index: number;
  readonly receivedAt: string;
  /** When the request arrived (headers received). */
  readonly atMs: number;
  readonly method: string;
  /** The request target as sent (path and query). */
  readonly path: string;
  /** Request headers, lower-case names, repeated ones joined by `, `. */
  readonly headers: Readonly<Record<string, string>>;
  /** The signature header's value as received (undefined: no such header). */
  readonly signatureHeader: string | undefined;
  /** The exact bytes received (cut at the listener's 5 MiB limit; `schema` then says so). */
  readonly body: Buffer;
  /** The event id, or `sha256:<hex>` of the body when it has none: what retries are grouped by. */
  readonly eventKey: string;
  readonly eventId: string | undefined;
  readonly type: string | undefined;
  /** 1-based attempt of this event (deliveries with the same `eventKey` so far). */
  readonly attempt: number;
  /** SND-1 for this delivery. */
  readonly schema: BodyJudgement;
  /** SND-2 for this delivery. */
  readonly signature: SignatureJudgement;
  /** The status the listener answered. */
  readonly answer: number;
  /** When the answer had been sent. */
  readonly answeredAtMs: number;
}
