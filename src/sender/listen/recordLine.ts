import { createHash } from 'node:crypto';
import { REDACTED, redactSecrets, redactValue } from '../../reports';
import type { ReceivedDelivery } from './ReceivedDelivery';

/** Headers whose values are someone's credentials: recorded as REDACTED (`[redacted]`). */
const CREDENTIAL_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie']);

/**
 * One NDJSON line (no newline) recording a delivery: arrival time, request line, every header
 * (the X-Signature digests are not secret; credential headers are masked), the body as text when
 * it is UTF-8 else base64, and the verdicts and answer. Secrets are redacted in the values before
 * the line is serialised (so it is always valid JSON); a body that held one is stored redacted
 * and marked with `redacted` (the size and SHA-256 of the bytes received). `size` is always the
 * size received; a body cut at the listener's `--max-body` says so in `truncated: true`.
 */
export function recordLine(d: ReceivedDelivery, body: Buffer, secrets: readonly string[]): string {
  const headers = Object.fromEntries(Object.entries(d.headers).map(([name, value]) => [name, CREDENTIAL_HEADERS.has(name) ? REDACTED : value]));
  const record = redactValue(
    {
      receivedAt: d.receivedAt,
      delivery: d.index,
      method: d.method,
      path: d.path,
      headers,
      size: d.size,
      ...(d.cut ? { truncated: true } : {}),
      eventId: d.eventId ?? null,
      type: d.type ?? null,
      attempt: d.attempt,
      signature: d.signature.ok ? { ok: true } : { ok: false, fault: d.signature.fault, detail: d.signature.detail },
      schema: d.schema.ok ? { ok: true } : { ok: false, issues: d.schema.issues },
      answer: d.answer,
    },
    secrets,
  );
  return JSON.stringify({ ...record, ...recordedBody(body, secrets) });
}

/** The body as text (UTF-8) or base64, redacted as bytes so base64 stays decodable. */
function recordedBody(body: Buffer, secrets: readonly string[]): Record<string, unknown> {
  const text = body.toString('utf8');
  const isText = Buffer.from(text, 'utf8').equals(body);
  const latin1 = body.toString('latin1');
  const redacted = isText
    ? Buffer.from(redactSecrets(text, secrets), 'utf8')
    : Buffer.from(
        redactSecrets(
          latin1,
          secrets.map((s) => Buffer.from(s, 'utf8').toString('latin1')),
        ),
        'latin1',
      );
  const mark = redacted.equals(body) ? {} : { redacted: { size: body.length, sha256: createHash('sha256').update(body).digest('hex') } };
  const stored = redacted.toString('utf8');
  return Buffer.from(stored, 'utf8').equals(redacted) ? { bodyText: stored, ...mark } : { bodyBase64: redacted.toString('base64'), ...mark };
}
