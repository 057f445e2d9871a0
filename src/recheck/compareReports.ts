import type { Failure } from '../evidence/failure';
import type { CertificationReport, CheckReport } from '../evidence/certificationReport';
import type { CheckComparison, DifferingCase, RecheckResult } from '../evidence/recheckResult';

/**
 * Compares a report with the report of the same certification run again, check by check: the same
 * status is `confirmed`, another is `differs`, with the first case that one run failed and the
 * other did not. Pure.
 */
export function compareReports(original: CertificationReport, now: CertificationReport, scope: 'full' | 'same' = 'same'): Pick<RecheckResult, 'verdict' | 'checks'> {
  const nowById = new Map(now.checks.map((check) => [check.id, check]));
  const originalIds = new Set(original.checks.map((check) => check.id));
  const checks: CheckComparison[] = original.checks.map((before) => compareCheck(before, nowById.get(before.id)));
  // Under the same scope, a check the recheck ran but the original did not cannot happen with the
  // same catalogue; if a newer catalogue adds one, it is a difference, not something to drop
  // silently. Under the full scope the recheck runs more checks than a narrowed report had: they
  // judge the verdict (compared below), not a check of the report.
  for (const extra of scope === 'same' ? now.checks.filter((check) => !originalIds.has(check.id)) : []) {
    checks.push({ id: extra.id, requirement: extra.requirement, result: 'differs', original: 'absent', now: extra.status });
  }
  const confirmed = checks.every((c) => c.result === 'confirmed') && original.verdict === now.verdict;
  return { verdict: confirmed ? 'confirmed' : 'not confirmed', checks };
}

function compareCheck(before: CheckReport, after: CheckReport | undefined): CheckComparison {
  const base = { id: before.id, requirement: before.requirement, original: before.status };
  if (after === undefined) return { ...base, result: 'differs', now: 'absent' };
  if (after.status === before.status) return { ...base, result: 'confirmed', now: after.status };
  const differing = firstDifferingCase(before.failures, after.failures);
  return { ...base, result: 'differs', now: after.status, ...(differing !== undefined ? { firstDifferingCase: differing } : {}) };
}

/** The recheck's first failure the original did not have; else the original's first not failed again. */
function firstDifferingCase(before: readonly Failure[], after: readonly Failure[]): DifferingCase | undefined {
  const key = (f: Failure): string => `${f.case}\u0000${f.label}`;
  const beforeKeys = new Set(before.map(key));
  const afterKeys = new Set(after.map(key));
  const newFailure = after.find((f) => !beforeKeys.has(key(f)));
  if (newFailure !== undefined) return describe(newFailure, 'recheck');
  const goneFailure = before.find((f) => !afterKeys.has(key(f)));
  return goneFailure !== undefined ? describe(goneFailure, 'original') : undefined;
}

function describe(failure: Failure, failedIn: DifferingCase['failedIn']): DifferingCase {
  return { failedIn, case: failure.case, label: failure.label, expected: failure.expected, actual: failure.actual };
}
