import type { ReceivedDelivery } from './ReceivedDelivery';

/**
 * One line per delivery for the live output, e.g.
 * `12:00:01.234  #3  ping  c291b3d2-…  412 B  sig ok  schema ok  → 503 (attempt 2)`;
 * a failing signature or schema says why (the first issue). Time is UTC.
 */
export function deliveryLine(d: ReceivedDelivery): string {
  const time = d.receivedAt.slice(11, 23);
  const signature = d.signature.ok ? 'sig ok' : `sig BAD (${d.signature.detail})`;
  const schema = d.schema.ok ? 'schema ok' : `schema BAD (${d.schema.issues[0] ?? 'invalid'}${d.schema.issues.length > 1 ? ` +${d.schema.issues.length - 1}` : ''})`;
  return [
    time,
    `#${d.index}`,
    d.type ?? '(no type)',
    d.eventId ?? '(no id)',
    `${d.size} B${d.cut ? ' (cut at --max-body)' : ''}`,
    signature,
    schema,
    `→ ${d.answer} (attempt ${d.attempt})`,
  ].join('  ');
}
