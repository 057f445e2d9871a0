import type { Classification } from '../contract/classifyStatus';
import type { DeliveryErrorCode } from '../evidence/ReceiverAnswer';

/** A transport failure: a stable code and a one-line message. */
export type DeliveryError = { code: DeliveryErrorCode; message: string };

/**
 * What happened to one delivery, as plain data. Whatever the receiver does (answers, hangs, resets,
 * talks garbage) ends up here; the client never throws for it.
 *
 * `outcome` is the gridX classification of `status`, or `timeout` (with error code `TIMEOUT`), or
 * `error` (with `error` set) when no usable answer arrived. `status` and `headers` are kept even
 * when the body then failed, so a report can say "answered 200, then hung".
 * `body` holds at most the client's `maxResponseBytes`; `bodyTruncated` says whether more was sent.
 */
export type DeliveryResult = {
  outcome: Classification | 'error';
  status?: number;
  headers: Record<string, string>;
  body: Buffer;
  bodyTruncated: boolean;
  durationMs: number;
  error?: DeliveryError;
  /**
   * Hookproof's own delay during this delivery, set when its process stalled (event loop blocked or
   * starved) for at least 50 ms: how long, and when the request actually left (ms after the send
   * began; absent if it never left). A late answer this could explain is no evidence against the receiver.
   */
  ownDelay?: { stalledMs: number; sentAfterMs?: number };
  /**
   * Set when this delivery could not be judged cleanly: it was late while hookproof itself was
   * stalled, and so was every re-send. Checks report such a case inconclusive, never failed.
   */
  inconclusive?: string;
};
