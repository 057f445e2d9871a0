import type { BodyJudgement } from './judgeBody';
import type { SignatureJudgement } from './judgeSignature';

/** How much of each body a listen session keeps after judging it (and shows in reports). */
export const KEPT_BODY_BYTES = 16 * 1024;

/** The default `--max-body`: gridX events are a few KB; a larger body is answered 413. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

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
  /**
   * The first bytes received, at most {@link KEPT_BODY_BYTES}: what reports show. The whole body
   * (up to `--max-body`) is judged and recorded as it arrives, then only this prefix is kept, so
   * memory stays bounded whatever a sender sends.
   */
  readonly body: Buffer;
  /** How many body bytes were received (at most `--max-body`; `cut` says when it was reached). */
  readonly size: number;
  /** SHA-256 (hex) of the `size` bytes received: retries are compared by it. */
  readonly sha256: string;
  /** True when the body was longer than `--max-body` and reading stopped there (answered 413). */
  readonly cut: boolean;
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
