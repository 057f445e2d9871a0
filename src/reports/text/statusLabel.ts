import type { RequirementReport } from '../../evidence/certificationReport';

/** Any status a check or a requirement can have in a report. */
export type AnyStatus = RequirementReport['status'];

const LABELS: Readonly<Record<AnyStatus, string>> = {
  pass: 'PASS',
  fail: 'FAIL',
  warn: 'WARN',
  skip: 'SKIP',
  blocked: 'BLOCKED',
  inconclusive: 'INCONCLUSIVE',
  'not-testable': 'NOT TESTABLE',
  'not-run': 'NOT RUN',
};

/** The status as an upper-case word, the same in every output (console, JUnit, HTML). */
export function statusLabel(status: AnyStatus): string {
  return LABELS[status];
}
