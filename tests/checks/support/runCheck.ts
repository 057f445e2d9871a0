import { runCertification } from '../../../src/runner/runCertification';
import type { CertifyOptions, SharedByRuns } from '../../../src/runner/certifyOptions';

/** A run's options and, for the tests that need them, what runs share (a rate limit, a stall hook). */
export type TestRunOptions = Partial<CertifyOptions> & SharedByRuns;
import type { CertificationReport, CheckReport } from '../../../src/evidence/certificationReport';
import { createEngine, type Engine } from '../../../src/engine';
import { SECRET, soundReceiver } from './receivers';

let engine: Engine | undefined;

/** Runs one check (by id) against `url` with small, fixed settings and returns its report. */
export async function runCheck(id: string, url: string, options: TestRunOptions = {}): Promise<CheckReport> {
  const report = await certify(url, { checks: [id], ...options });
  const check = report.checks.find((c) => c.id === id);
  if (check === undefined) throw new Error(`check ${id} did not run`);
  return check;
}

/**
 * Runs one check against a fresh reference receiver (holding `options.secrets`, else SECRET) and
 * closes it: the "passes against the reference receiver" half of every check's tests.
 */
export async function runCheckOnReference(id: string, options: TestRunOptions = {}): Promise<CheckReport> {
  const sound = await soundReceiver(options.secrets ?? [SECRET]);
  try {
    return await runCheck(id, sound.url, options);
  } finally {
    await sound.close();
  }
}

// gridX's own 5 s timeout: a sound receiver answers in milliseconds, and a shorter default made
// the suite flaky when a loaded CI machine stalled the event loop (a 4-way DLV-6 case once waited
// 2.1 s). Tests of slow or hanging receivers set their own small timeout.
export function certify(url: string, options: TestRunOptions = {}): Promise<CertificationReport> {
  engine ??= createEngine();
  const { beforeDelivery, answers, ...own } = options;
  return runCertification(
    {
      url,
      secrets: [SECRET],
      allowHttp: true,
      engine: own.specPath === undefined ? engine : createEngine({ specPath: own.specPath }),
      seed: 7,
      runs: 20,
      timeoutMs: 5000,
      retryBaseDelayMs: 5,
      ...own,
    },
    { ...(beforeDelivery !== undefined ? { beforeDelivery } : {}), ...(answers !== undefined ? { answers } : {}) },
  );
}
