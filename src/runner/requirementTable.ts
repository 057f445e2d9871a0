import { REQUIREMENTS } from '../checks/requirements';
import type { CheckReport, RequirementReport } from '../evidence/certificationReport';

// A blocked or inconclusive check ranks above a pass: some of its cases were not judged, so the
// requirement is not shown met.
const RANK = { fail: 6, warn: 5, blocked: 4, inconclusive: 3, pass: 2, skip: 1 } as const;

/** Each requirement's status: the worst of its checks' statuses (`blocked` when its checks are blocked). */
export function requirementTable(checks: readonly CheckReport[]): RequirementReport[] {
  return REQUIREMENTS.map((req) => {
    const mine = checks.filter((c) => c.requirement === req.id);
    const worst = mine.reduce<CheckReport['status'] | undefined>((acc, c) => (acc === undefined || RANK[c.status] > RANK[acc] ? c.status : acc), undefined);
    const status = !req.remotelyTestable ? 'not-testable' : (worst ?? 'not-run');
    return { id: req.id, severity: req.severity, summary: req.summary, status, checks: mine.map((c) => c.id) };
  });
}
