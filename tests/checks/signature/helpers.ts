import type { Failure } from '../../../src/checks';
import type { CheckReport } from '../../../src/reportModel/certificationReport';
import type { RunningReceiver } from '../support/receivers';

/** The signature label a failure is for: its label up to the first ":". */
export function labelOf(failure: Failure): string {
  return failure.label.split(':')[0] ?? '';
}

/** The labels of a report's failures, sorted. */
export function failedLabels(report: CheckReport): string[] {
  return report.failures.map(labelOf).sort();
}

/**
 * Receivers started in a test, closed after it: call once in a `describe`, then
 * `const r = await track(soundReceiver())`.
 */
export function trackReceivers(): (starting: Promise<RunningReceiver>) => Promise<RunningReceiver> {
  let open: RunningReceiver[] = [];
  afterEach(async () => {
    await Promise.all(open.map((r) => r.close()));
    open = [];
  });
  return async (starting) => {
    const receiver = await starting;
    open.push(receiver);
    return receiver;
  };
}
