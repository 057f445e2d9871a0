import type { BeforeSend } from '../delivery';
import { displayPath } from '../displayPath';
import { createEngine } from '../engine';
import type { CertificationReport } from '../reportModel/certificationReport';
import type { CertifyOptions } from '../runner/certifyOptions';
import { runCertification } from '../runner/runCertification';
import { compareReports } from './compareReports';
import { planRecheck } from './recheckPlan';

/** Everything a recheck needs besides the report: the receiver's secrets, and optionally where it lives now. */
export interface RecheckOptions {
  /** The report to recheck, as read (`readReportFile`), and where it was read from. */
  readonly original: CertificationReport;
  readonly originalPath: string;
  readonly secrets: readonly string[];
  /** Another URL for the same receiver; default: the report's target URL. */
  readonly url?: string;
  /** The spec to run with; it must be the file the report names (same SHA-256). */
  readonly specPath?: string;
  readonly invocation?: readonly string[];
  readonly reportPath?: string;
  readonly retryBaseDelayMs?: number;
  readonly beforeDelivery?: BeforeSend;
  readonly onProgress?: CertifyOptions['onProgress'];
}

/**
 * Re-runs exactly the certification `original` describes (same seed, event types, checks, runs,
 * timeout, concurrency, http allowance) and returns the new report with `recheck` set: the
 * original's digest and the check-by-check comparison. Throws RecheckRefusedError (exit 2) when
 * the run could not be the same (see `planRecheck`).
 */
export async function runRecheck(options: RecheckOptions): Promise<CertificationReport> {
  const { original } = options;
  const engine = createEngine(options.specPath !== undefined ? { specPath: options.specPath } : {});
  const plan = planRecheck(original, options.originalPath, engine, options.secrets.length, options.url);
  const now = await runCertification({
    url: plan.url,
    secrets: options.secrets,
    engine,
    types: original.options.types,
    checks: original.options.checks,
    seed: original.seed,
    runs: original.options.runs,
    timeoutMs: original.options.timeoutMs,
    concurrency: original.options.concurrency,
    allowHttp: original.options.allowHttp,
    ...(options.invocation !== undefined ? { invocation: options.invocation } : {}),
    ...(options.reportPath !== undefined ? { reportPath: options.reportPath } : {}),
    ...(options.retryBaseDelayMs !== undefined ? { retryBaseDelayMs: options.retryBaseDelayMs } : {}),
    ...(options.beforeDelivery !== undefined ? { beforeDelivery: options.beforeDelivery } : {}),
    ...(options.onProgress !== undefined ? { onProgress: options.onProgress } : {}),
  });
  const comparison = compareReports(original, now);
  return {
    ...now,
    recheck: { of: { digest: plan.digest, path: displayPath(options.originalPath), verdict: original.verdict, startedAt: original.startedAt }, ...comparison },
  };
}
