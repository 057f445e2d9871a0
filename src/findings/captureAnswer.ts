import type { DeliveryResult } from '../delivery';
import { redactSecrets } from '../redaction/redactSecrets';
import { terminalSafe } from '../text/terminalSafe';
import { ANSWER_BODY_BYTES, type AnswerHeaderName, type ReceiverAnswer } from '../evidence/ReceiverAnswer';

const HEADERS: readonly AnswerHeaderName[] = ['location', 'retry-after', 'www-authenticate'];
const HEADER_CHARS = 256;

/**
 * The receiver's answer as a report keeps it: status, content type, the explaining headers and the
 * first {@link ANSWER_BODY_BYTES} bytes of the body, with every secret redacted and every control
 * character escaped. Nothing of the (up to 64 KiB) body is kept beyond that.
 */
export function captureAnswer(result: DeliveryResult, secrets: readonly string[]): ReceiverAnswer {
  const headers: Partial<Record<AnswerHeaderName, string>> = {};
  for (const name of HEADERS) {
    const value = result.headers[name];
    if (value !== undefined) headers[name] = safeText(value.slice(0, HEADER_CHARS), secrets);
  }
  const contentType = result.headers['content-type'];
  const { text, cut } = bodyStart(result.body, secrets);
  return {
    ...(result.status !== undefined ? { status: result.status } : {}),
    outcome: result.outcome,
    ...(contentType !== undefined ? { contentType: safeText(contentType.slice(0, HEADER_CHARS), secrets) } : {}),
    headers,
    body: text,
    bodyBytes: result.body.length,
    bodyTruncated: cut || result.bodyTruncated,
    ...(result.error !== undefined ? { error: { code: result.error.code, message: safeText(result.error.message, secrets) } } : {}),
    durationMs: Math.round(result.durationMs),
  };
}

/** Redacted first (so an escape cannot disguise a secret), escaped, then redacted again as a net. */
function safeText(text: string, secrets: readonly string[]): string {
  return redactSecrets(terminalSafe(redactSecrets(text, secrets)), secrets);
}

/**
 * The first ANSWER_BODY_BYTES bytes of the redacted body. Redaction runs over a window wider than
 * that by the longest form a secret can take, so a secret that starts inside the kept bytes is
 * redacted whole instead of leaving its first characters visible at the cut. A secret cut by the
 * window's own end stays within the window's last `reach` characters; should redaction have
 * shrunk the window so much that those could reach the kept part, the whole body is redacted.
 */
function bodyStart(body: Buffer, secrets: readonly string[]): { text: string; cut: boolean } {
  const reach = 12 * Math.max(0, ...secrets.map((s) => s.length)) + 16;
  const windowBytes = ANSWER_BODY_BYTES + 2 * reach;
  const windowed = body.length > windowBytes;
  let redacted = redactSecrets(utf8(body.subarray(0, windowBytes), windowed), secrets);
  if (windowed && Buffer.byteLength(redacted) < ANSWER_BODY_BYTES + reach) redacted = redactSecrets(utf8(body, false), secrets);
  const kept = prefixOfBytes(redacted, ANSWER_BODY_BYTES);
  return { text: safeText(kept, secrets), cut: kept.length < redacted.length };
}

/** Bytes as UTF-8 text (invalid bytes as U+FFFD); with `cut`, a character cut at the end is dropped. */
function utf8(bytes: Buffer, cut: boolean): string {
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes, { stream: cut });
}

/** The longest prefix of `text` whose UTF-8 encoding has at most `max` bytes, not splitting a character. */
function prefixOfBytes(text: string, max: number): string {
  if (Buffer.byteLength(text) <= max) return text;
  let bytes = 0;
  let end = 0;
  for (const ch of text) {
    const size = Buffer.byteLength(ch);
    if (bytes + size > max) break;
    bytes += size;
    end += ch.length;
  }
  return text.slice(0, end);
}
