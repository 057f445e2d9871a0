import type { Classification } from '../contract/classifyStatus';

/**
 * Why a delivery got no usable HTTP answer.
 *
 * - `TIMEOUT`: no complete answer within the client's `timeoutMs` (connect, headers and body).
 * - `CONNECTION_REFUSED`: nothing listens at the target.
 * - `CONNECTION_RESET`: the receiver closed or reset the connection before answering completely.
 * - `TLS_UNTRUSTED`: the certificate chain is not trusted (self-signed, unknown CA).
 * - `TLS_ERROR`: any other TLS failure (hostname mismatch, expired certificate, handshake failure).
 * - `PROTOCOL_ERROR`: the receiver answered bytes that are not valid HTTP/1.1.
 * - `DNS`: the host name does not resolve.
 * - `OTHER`: anything else; the message says what.
 */
export type DeliveryErrorCode = 'TIMEOUT' | 'CONNECTION_REFUSED' | 'CONNECTION_RESET' | 'TLS_UNTRUSTED' | 'TLS_ERROR' | 'PROTOCOL_ERROR' | 'DNS' | 'OTHER';

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
