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

/** The answer headers that explain a wrong answer: where a redirect goes, when to retry, what auth is wanted. */
export type AnswerHeaderName = 'location' | 'retry-after' | 'www-authenticate';

/**
 * What the receiver itself answered to one case, as a report keeps it: small (at most
 * {@link ANSWER_BODY_BYTES} bytes of body), printable (control characters escaped) and free of
 * secrets (redacted like every other output). A partner reads in it the receiver's own words:
 * `400 {"error":"json: unknown field \"accountID\""}`.
 */
export interface ReceiverAnswer {
  /** The HTTP status; absent when none arrived. */
  readonly status?: number;
  /** gridX's reading of the answer: success, transient, gone, permanent, timeout or error (no usable answer). */
  readonly outcome: Classification | 'error';
  readonly contentType?: string;
  /** The headers among location, retry-after and www-authenticate that were sent. */
  readonly headers: Readonly<Partial<Record<AnswerHeaderName, string>>>;
  /** The start of the body (its first 512 bytes after redaction) as text; control characters escaped (`\n`, `\u001B`). */
  readonly body: string;
  /** Body bytes received; hookproof reads at most 64 KiB of an answer (see `bodyTruncated`). */
  readonly bodyBytes: number;
  /** Whether `body` shows less than the receiver sent. */
  readonly bodyTruncated: boolean;
  /** Why no complete answer arrived: timeout, refused, reset, TLS, protocol error. */
  readonly error?: { readonly code: DeliveryErrorCode; readonly message: string };
  readonly durationMs: number;
}

/** Body bytes a kept answer holds: enough for an error message, bounded for a run with many failures. */
export const ANSWER_BODY_BYTES = 512;
