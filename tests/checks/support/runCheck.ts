import { runCertification } from '../../../src/runner/runCertification';
import type { CertifyOptions } from '../../../src/runner/certifyOptions';
import type { CertificationReport, CheckReport } from '../../../src/reports/report';
import { SECRET } from './receivers';

/** Runs one check (by id) against `url` with small, fixed settings and returns its report. */
export async function runCheck(id: string, url: string, options: Partial<CertifyOptions> = {}): Promise<CheckReport> {
  const report = await certify(url, { checks: [id], ...options });
  const check = report.checks.find((c) => c.id === id);
  if (check === undefined) throw new Error(`check ${id} did not run`);
  return check;
}

export function certify(url: string, options: Partial<CertifyOptions> = {}): Promise<CertificationReport> {
  return runCertification({ url, secrets: [SECRET], allowHttp: true, seed: 7, runs: 20, timeoutMs: 1000, retryBaseDelayMs: 5, ...options });
}
