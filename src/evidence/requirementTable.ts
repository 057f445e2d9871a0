import { REQUIREMENTS, requirementsJudged, type RequirementId, type SenderRequirementId, type Severity } from '../contract/requirements';
import type { CheckReport, RequirementReport } from './certificationReport';

/** A requirement as the table lists it: a receiver's (certify) or a sender's (listen). */
export interface TabledRequirement {
  readonly id: RequirementId | SenderRequirementId;
  readonly severity: Severity;
  readonly summary: string;
  /** False when no remote test can prove it (listed `not-testable`); absent: testable. */
  readonly remotelyTestable?: boolean;
}

// A blocked or inconclusive check ranks above a pass: some of its cases were not judged, so the
// requirement is not shown met.
const RANK = { fail: 6, warn: 5, blocked: 4, inconclusive: 3, pass: 2, skip: 1 } as const;

/**
 * Each requirement's status: the worst of its checks' statuses (`blocked` when its checks are
 * blocked), `not-run` when none of its checks ran. The receiver contract's requirements unless
 * another list is given (a listen run's: SND-1…3); CAP-1..3 only in a run that judged them (a run
 * with a declared rate always reports them), so a run without a rate lists what it always has.
 */
export function requirementTable(checks: readonly CheckReport[], requirements: readonly TabledRequirement[] = requirementsJudged(judgesRate(checks))): RequirementReport[] {
  return requirements.map((req) => {
    const mine = checks.filter((c) => c.requirement === req.id);
    const worst = mine.reduce<CheckReport['status'] | undefined>((acc, c) => (acc === undefined || RANK[c.status] > RANK[acc] ? c.status : acc), undefined);
    const status = req.remotelyTestable === false ? 'not-testable' : (worst ?? 'not-run');
    return { id: req.id, severity: req.severity, summary: req.summary, status, checks: mine.map((c) => c.id) };
  });
}

/** Whether a run's checks include one of the requirements judged only with a declared rate. */
export function judgesRate(checks: readonly Pick<CheckReport, 'requirement'>[]): boolean {
  return checks.some((c) => REQUIREMENTS.some((r) => r.id === c.requirement && r.judgedWhen === 'declared-rate'));
}
