import type { CertificationReport, CheckReport } from './certificationReport';

/**
 * A report's `summary`: checks by status and cases sent. `inconclusive` only when it happened, so
 * reports of runs hookproof could judge cleanly keep their shape. One count for every report
 * writer (the runner and the jest adapter's merge).
 */
export function summaryOf(checks: readonly CheckReport[]): CertificationReport['summary'] {
  const count = (status: CheckReport['status']): number => checks.filter((c) => c.status === status).length;
  const inconclusive = count('inconclusive');
  return {
    pass: count('pass'),
    fail: count('fail'),
    warn: count('warn'),
    skip: count('skip'),
    blocked: count('blocked'),
    ...(inconclusive > 0 ? { inconclusive } : {}),
    cases: checks.reduce((sum, c) => sum + c.cases, 0),
  };
}
