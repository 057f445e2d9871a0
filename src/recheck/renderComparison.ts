import type { RecheckResult } from '../evidence/recheckResult';

/** The recheck's console lines: one per check, then the verdict naming the report rechecked. */
export function renderComparison(result: RecheckResult): string[] {
  const scope =
    result.scope === 'same'
      ? "scope      --same-scope: the report's own scope and settings reproduced; this recheck is not a full certification"
      : "scope      full: every check at gridX's settings (default runs, 5 s deadline), whatever the report narrowed";
  const lines = [
    scope,
    ...result.checks.map((c) => {
      if (c.result === 'confirmed') return `confirmed  ${c.requirement} ${c.id}: ${c.now} again`;
      const first = c.firstDifferingCase;
      const detail =
        first === undefined
          ? ''
          : `; first differing case ${first.case} (${first.label}): failed in the ${first.failedIn === 'recheck' ? 'recheck' : 'original run'}, expected ${first.expected}, got ${first.actual}`;
      return `DIFFERS    ${c.requirement} ${c.id}: was ${c.original}, now ${c.now}${detail}`;
    }),
  ];
  const differing = result.checks.filter((c) => c.result === 'differs').map((c) => c.requirement);
  lines.push(
    result.verdict === 'confirmed'
      ? `recheck CONFIRMED: ${result.of.digest} (verdict ${result.of.verdict}) holds check by check`
      : `recheck NOT CONFIRMED: ${result.of.digest} (verdict ${result.of.verdict}) differs in ${[...new Set(differing)].join(', ') || 'its verdict'}`,
  );
  return lines;
}
