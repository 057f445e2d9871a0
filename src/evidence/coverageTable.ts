/** Cases actually sent, by event type (rows) and variant (columns: "valid", "invalid:<kind>", "signature:<label>"). */
export interface CoverageTable {
  readonly variants: readonly string[];
  readonly rows: ReadonlyArray<{ readonly type: string; readonly counts: Readonly<Record<string, number>> }>;
}
