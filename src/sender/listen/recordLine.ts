import { redactSecrets } from '../../reports';
import type { ReceivedDelivery } from './ReceivedDelivery';

/** Headers whose values are someone's credentials: recorded as `[redacted]`. */
const CREDENTIAL_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie']);

/**
 * One NDJSON line (no newline) recording a delivery: arrival time, request line, every header
 * (the X-Signature digests are not secret; credential headers are masked), the body as text when
 * it is UTF-8 else base64, and the verdicts and answer. `secrets` are redacted as a last net, in
 * case a sender put one in a header or body.
 */
export function recordLine(d: ReceivedDelivery, secrets: readonly string[]): string {
  const text = d.body.toString('utf8');
  const isText = Buffer.from(text, 'utf8').equals(d.body);
  const headers = Object.fromEntries(Object.entries(d.headers).map(([name, value]) => [name, CREDENTIAL_HEADERS.has(name) ? '[redacted]' : value]));
  const record = {
    receivedAt: d.receivedAt,
    delivery: d.index,
    method: d.method,
    path: d.path,
    headers,
    size: d.body.length,
    ...(isText ? { bodyText: text } : { bodyBase64: d.body.toString('base64') }),
    eventId: d.eventId ?? null,
    type: d.type ?? null,
    attempt: d.attempt,
    signature: d.signature.ok ? { ok: true } : { ok: false, fault: d.signature.fault, detail: d.signature.detail },
    schema: d.schema.ok ? { ok: true } : { ok: false, issues: d.schema.issues },
    answer: d.answer,
  };
  return redactSecrets(JSON.stringify(record), secrets);
}
