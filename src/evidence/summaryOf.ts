import type { CertificationReport, CheckReport } from './certificationReport';

/** How a run counts what its summary cannot read from its checks alone. */
export interface SummaryCounting {
  /** Cases of the run, when its checks judge the same ones (a listen run: the deliveries received). */
  readonly cases?: number;
  /**
   * Whether the run's checks can be blocked, so that `blocked` is always written (default true). A
   * listen run's cannot (nothing more basic is judged before them): its summary has no `blocked`.
   */
  readonly blocked?: boolean;
}

/**
 * A report's `summary`: checks by status and cases sent (by default the sum of the checks' cases).
 * `inconclusive` only when it happened, so reports of runs hookproof could judge cleanly keep their
 * shape. Counted here once, for every report (see assembleReport).
 */
export function summaryOf(checks: readonly CheckReport[], counting: SummaryCounting = {}): CertificationReport['summary'] {
  const count = (status: CheckReport['status']): number => checks.filter((c) => c.status === status).length;
  const inconclusive = count('inconclusive');
  return {
    pass: count('pass'),
    fail: count('fail'),
    warn: count('warn'),
    skip: count('skip'),
    ...(counting.blocked !== false ? { blocked: count('blocked') } : {}),
    ...(inconclusive > 0 ? { inconclusive } : {}),
    cases: counting.cases ?? checks.reduce((sum, c) => sum + c.cases, 0),
  };
}
