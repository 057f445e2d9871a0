import { EVENT_CHECKS } from '../../../../src/checks/events';
import type { CheckReport } from '../../../../src/evidence/certificationReport';
import { certify } from '../../support/runCheck';

/**
 * Runs every event check but `except` against `url` (one at a time: client, receiver and case
 * generation share one event loop here) and returns the reports that did not pass.
 */
export async function otherEventChecksNotPassing(url: string, except: readonly string[]): Promise<CheckReport[]> {
  const checks = EVENT_CHECKS.map((c) => c.id).filter((id) => !except.includes(id));
  const run = await certify(url, { checks, concurrency: 1 });
  return run.checks.filter((c) => c.status !== 'pass' && c.status !== 'skip');
}

/** "<id>: <status>" for each report, for readable assertions. */
export function statuses(reports: readonly CheckReport[]): string[] {
  return reports.map((r) => `${r.id}: ${r.status}`);
}
