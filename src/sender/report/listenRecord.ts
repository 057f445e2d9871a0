import type { CoverageTable } from '../../evidence/coverageTable';
import type { ListenReportExtension, ListenStop } from '../../evidence/listenRecord';
import type { ReceivedDelivery } from '../listen/ReceivedDelivery';
import type { EventHistory } from '../../evidence/listenRecord';

const VARIANTS = ['deliveries', 'retries', 'schema-invalid', 'signature-bad'] as const;

/** A listen run's coverage: deliveries by type, with how many were retries, schema-invalid or badly signed. */
export function listenCoverage(deliveries: readonly ReceivedDelivery[]): CoverageTable {
  const rows = new Map<string, Record<(typeof VARIANTS)[number], number>>();
  for (const d of deliveries) {
    const type = d.type ?? '(no type)';
    const row = rows.get(type) ?? { deliveries: 0, retries: 0, 'schema-invalid': 0, 'signature-bad': 0 };
    row.deliveries += 1;
    if (d.attempt > 1) row.retries += 1;
    if (!d.schema.ok) row['schema-invalid'] += 1;
    if (!d.signature.ok) row['signature-bad'] += 1;
    rows.set(type, row);
  }
  return { variants: VARIANTS, rows: [...rows].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([type, counts]) => ({ type, counts })) };
}

/** What {@link listenExtension} records. */
export interface ListenFacts {
  readonly respond: string;
  readonly expect: readonly string[] | undefined;
  readonly stoppedBy: ListenStop;
  readonly retryWindowMs: number;
  readonly deliveries: readonly ReceivedDelivery[];
  readonly events: readonly EventHistory[];
  readonly ignored: number;
}

/** report.json's `listen`: the run's own record, times rounded to whole milliseconds. */
export function listenExtension(facts: ListenFacts): ListenReportExtension {
  return {
    kind: 'listen',
    respond: facts.respond,
    expect: facts.expect ?? null,
    stoppedBy: facts.stoppedBy,
    retryWindowMs: facts.retryWindowMs,
    deliveries: facts.deliveries.map((d) => ({
      index: d.index,
      receivedAt: d.receivedAt,
      atMs: Math.round(d.atMs),
      eventId: d.eventId ?? null,
      type: d.type ?? null,
      attempt: d.attempt,
      size: d.size,
      signature: d.signature.ok ? 'ok' : d.signature.detail,
      schema: d.schema.ok ? 'ok' : d.schema.issues.join('; '),
      answer: d.answer,
    })),
    events: facts.events.map((e) => ({
      ...e,
      attempts: e.attempts.map((a) => ({ ...a, atMs: Math.round(a.atMs), answeredAtMs: Math.round(a.answeredAtMs) })),
      gapsMs: e.gapsMs.map((g) => Math.round(g)),
    })),
    ignored: facts.ignored,
  };
}
