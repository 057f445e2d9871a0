import type { CertificationReport, CheckReport } from './certificationReport';

/** The verdict of a run and, unless it passes, why. */
export interface Verdict {
  readonly verdict: CertificationReport['verdict'];
  readonly reason?: string;
}

/**
 * No evidence, no pass. `fail` when a check failed (a failed recommended check is a warning, never
 * a fail); otherwise `incomplete` when a required check in scope judged no case (skipped or
 * blocked), or when no check of the run judged any case at all; otherwise `pass`.
 */
export function judgeVerdict(checks: readonly CheckReport[], gone?: CertificationReport['gone']): Verdict {
  const failed = checks.filter((c) => c.status === 'fail');
  if (failed.length > 0) return { verdict: 'fail', reason: `${failed.length} required check(s) failed: ${unique(failed.map((c) => c.requirement)).join(', ')}` };
  // An inconclusive check judged some case not at all (hookproof itself stalled): no evidence, no pass.
  const unjudged = (c: CheckReport): boolean => c.status === 'skip' || c.status === 'blocked' || c.status === 'inconclusive';
  const requiredUnjudged = checks.filter((c) => c.severity === 'required' && unjudged(c));
  if (requiredUnjudged.length > 0 && gone !== undefined) {
    return {
      verdict: 'incomplete',
      reason: `the receiver answered 410 Gone (to ${gone.caseLabel}), so gridX would delete the subscription and ${requiredUnjudged.length} required check(s) were not judged`,
    };
  }
  if (requiredUnjudged.length > 0) {
    return {
      verdict: 'incomplete',
      reason: `no case of required requirement(s) ${unique(requiredUnjudged.map((c) => c.requirement)).join(', ')} could be judged (${whyNot(requiredUnjudged)})`,
    };
  }
  if (checks.every(unjudged)) {
    return { verdict: 'incomplete', reason: checks.length === 0 ? 'no check was run' : `no case of any selected check could be judged (${whyNot(checks)})` };
  }
  return { verdict: 'pass' };
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/** The first unjudged check's note: the reason the reader needs first. */
function whyNot(checks: readonly CheckReport[]): string {
  const first = checks[0];
  return first === undefined ? 'nothing ran' : `${first.requirement}: ${first.note ?? first.status}`;
}

/**
 * A listen run's verdict: `fail` when a check failed, or when no delivery arrived at all (nothing
 * about the sender was proven); `incomplete` when a required check was inconclusive (hookproof's
 * own stall left it undecided: no evidence, no pass); otherwise `pass`. A fail writes no reason:
 * the failed checks say it.
 */
export function judgeSenderVerdict(checks: readonly CheckReport[], deliveries: number): Verdict {
  if (deliveries === 0 || checks.some((c) => c.status === 'fail')) return { verdict: 'fail' };
  const open = checks.filter((c) => c.severity === 'required' && c.status === 'inconclusive');
  if (open.length > 0) return { verdict: 'incomplete', reason: `requirement(s) ${unique(open.map((c) => c.requirement)).join(', ')} could not be judged (${whyNot(open)})` };
  return { verdict: 'pass' };
}

/** The verdict alone: the same rule, applied by `report verify` to a written report's checks. */
export function verdictOf(checks: readonly CheckReport[], gone?: CertificationReport['gone']): CertificationReport['verdict'] {
  return judgeVerdict(checks, gone).verdict;
}
