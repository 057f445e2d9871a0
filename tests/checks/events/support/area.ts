import { EVENT_CHECKS } from '../../../../src/checks/events';
import type { CheckReport } from '../../../../src/reportModel/certificationReport';
import { certify } from '../../support/runCheck';

/**
 * Runs every event check but `except` against `url` (one at a time: client, receiver and case
 * generation share one event loop here) and returns the reports that did not pass.
 *
 * `runs` per type (default 20, runCheck's): KIND_DEFECT_RUNS where the defect is triggered by a kind
 * of body (not JSON, a schema violation, an unknown field or type, a deprecated type). Whether
 * another check sends that kind is fixed by how its cases are built, not by the values drawn, so
 * a few cases of every check and type show it; that its generators never draw a violation by
 * accident is proven apart, at 300 runs per type (tests/arbitraries). Defects triggered by values
 * (long strings, unsafe integers) keep the default.
 */
export async function otherEventChecksNotPassing(url: string, except: readonly string[], { runs = 20 }: { runs?: number } = {}): Promise<CheckReport[]> {
  const checks = EVENT_CHECKS.map((c) => c.id).filter((id) => !except.includes(id));
  const run = await certify(url, { checks, concurrency: 1, runs });
  return run.checks.filter((c) => c.status !== 'pass' && c.status !== 'skip');
}

/** "<id>: <status>" for each report, for readable assertions. */
export function statuses(reports: readonly CheckReport[]): string[] {
  return reports.map((r) => `${r.id}: ${r.status}`);
}

/** Runs per type for otherEventChecksNotPassing when the defect is a kind of body (see there). */
export const KIND_DEFECT_RUNS = 5;
