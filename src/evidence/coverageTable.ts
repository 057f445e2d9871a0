/** Cases actually sent, by event type (rows) and variant (columns: "valid", "invalid:<kind>", "signature:<label>"). */
export interface CoverageTable {
  readonly variants: readonly string[];
  readonly rows: ReadonlyArray<{ readonly type: string; readonly counts: Readonly<Record<string, number>> }>;
}

/**
 * One table of the cases counted in `tables`: rows by type, columns the union of their variants,
 * both sorted, every count written (0 when a table had none). The one merge of coverage: a run's
 * single table comes out as it went in; the jest adapter's one-check runs add up.
 */
export function mergeCoverage(tables: readonly CoverageTable[]): CoverageTable {
  const counts = new Map<string, Map<string, number>>();
  for (const table of tables) {
    for (const row of table.rows) {
      const merged = counts.get(row.type) ?? new Map<string, number>();
      for (const [variant, n] of Object.entries(row.counts)) merged.set(variant, (merged.get(variant) ?? 0) + n);
      counts.set(row.type, merged);
    }
  }
  const variants = [...new Set(tables.flatMap((t) => t.variants))].sort();
  const rows = [...counts.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([type, row]) => ({ type, counts: Object.fromEntries(variants.map((v) => [v, row.get(v) ?? 0])) }));
  return { variants, rows };
}
