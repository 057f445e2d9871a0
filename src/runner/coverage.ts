import type { CoverageTable } from '../evidence/coverageTable';

/** Cases actually sent, by event type and variant ("valid", "invalid:<kind>", "signature:<label>"). */
export class CoverageRecorder {
  readonly #counts = new Map<string, Map<string, number>>();

  record(eventType: string | undefined, variant: string): void {
    const type = eventType ?? '(no event type)';
    const row = this.#counts.get(type) ?? new Map<string, number>();
    row.set(variant, (row.get(variant) ?? 0) + 1);
    this.#counts.set(type, row);
  }

  /** Rows sorted by type, columns sorted by variant. */
  table(): CoverageTable {
    const variants = [...new Set([...this.#counts.values()].flatMap((row) => [...row.keys()]))].sort();
    const rows = [...this.#counts.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([type, row]) => ({ type, counts: Object.fromEntries(variants.map((v) => [v, row.get(v) ?? 0])) }));
    return { variants, rows };
  }
}
