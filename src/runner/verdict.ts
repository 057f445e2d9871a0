import type { CheckReport } from '../reports/report';

/**
 * The verdict rule, in one place: a run fails when any check failed (a failed recommended or
 * informational check is already a warning, never a failure). `report verify` applies this same
 * function to a report's checks to prove its verdict was not edited.
 */
export function verdictOf(checks: ReadonlyArray<Pick<CheckReport, 'status'>>): 'pass' | 'fail' {
  return checks.some((check) => check.status === 'fail') ? 'fail' : 'pass';
}
