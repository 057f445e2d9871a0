import type { Failure } from '../../../src/evidence/failure';
import type { CheckReport } from '../../../src/evidence/certificationReport';

/** The signature label a failure is for: its label up to the first ":". */
export function labelOf(failure: Failure): string {
  return failure.label.split(':')[0] ?? '';
}

/** The labels of a report's failures, sorted. */
export function failedLabels(report: CheckReport): string[] {
  return report.failures.map(labelOf).sort();
}
