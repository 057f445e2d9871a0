import type { CertificationReport, CheckReport } from '../evidence/certificationReport';
import { summaryOf } from '../evidence/summaryOf';
import type { CoverageTable } from '../evidence/coverageTable';
import { buildFindings, type AnswerLedger } from '../findings';
import { requirementTable } from '../runner/requirementTable';
import { judgeVerdict } from '../evidence/verdict';
import { rootCauses } from '../runner/rootCauses';
import { rescopeChecks } from '../evidence/scope';
import { REQUIREMENTS, type RequirementId } from '../checks/requirements';

/**
 * One report from the one-check runs the jest adapter makes, as if the checks had run together:
 * `results` (every check's report, including those skipped without a run) in catalogue order,
 * summary, verdict, requirement table and coverage recomputed, and the findings and hints rebuilt
 * from the checks and (when the runs shared one) the ledger of all their answers.
 */
export function mergeReports(
  runs: readonly CertificationReport[],
  results: readonly CheckReport[],
  order: readonly string[],
  answers?: AnswerLedger,
): CertificationReport | undefined {
  const [first] = runs;
  if (first === undefined) return undefined;
  const position = (c: CheckReport): number => order.indexOf(c.id);
  const checks = [...results].sort((a, b) => position(a) - position(b));
  const gone = runs.find((r) => r.gone !== undefined)?.gone;
  const { verdict, reason } = judgeVerdict(checks, gone);
  // The first run's verdict, hints and findings describe that run alone; the merged ones replace them.
  const { verdictReason: _firstRunsReason, hints: _firstRunsHints, findings: _firstRunsFindings, ...firstRun } = first;
  return {
    ...firstRun,
    options: { ...first.options, checks: checks.map((c) => c.id) },
    startedAt: runs.map((r) => r.startedAt).sort()[0] ?? first.startedAt,
    finishedAt:
      runs
        .map((r) => r.finishedAt)
        .sort()
        .at(-1) ?? first.finishedAt,
    verdict,
    ...(reason !== undefined ? { verdictReason: reason } : {}),
    ...(first.scope !== undefined ? { scope: rescopeChecks(first.scope, receiverRequirements(checks)) } : {}),
    ...(gone !== undefined ? { gone } : {}),
    ...(answers !== undefined ? rootCauses(checks, answers, { url: first.target.url, secrets: first.options.secrets }, first.options.maxEventBytes) : withoutLedger(checks)),
    summary: summaryOf(checks),
    checks,
    requirements: requirementTable(checks),
    coverage: mergeCoverage(runs.map((r) => r.coverage)),
  };
}

function mergeCoverage(tables: readonly CoverageTable[]): CoverageTable {
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

function withoutLedger(checks: readonly CheckReport[]): Pick<CertificationReport, 'findings'> {
  const findings = buildFindings(checks);
  return findings.length > 0 ? { findings } : {};
}

/** The receiver requirements among the checks' (a certify report's checks cite only those). */
function receiverRequirements(checks: readonly CheckReport[]): RequirementId[] {
  return REQUIREMENTS.filter((r) => checks.some((c) => c.requirement === r.id)).map((r) => r.id);
}
