import type { BeforeSend } from '../delivery';
import { displayPath } from '../displayPath';
import { createEngine } from '../engine';
import { RecheckRefusedError } from '../errors';
import type { CertificationReport } from '../evidence/certificationReport';
import type { CertifyOptions } from '../runner/certifyOptions';
import { runCertification } from '../runner/runCertification';
import { certifyCapacityStage } from '../capacity/certifyCapacity';
import { compareReports } from './compareReports';
import { privateAddressOf } from './privateAddress';
import { planRecheck, type RecheckScope } from './recheckPlan';

/** Everything a recheck needs besides the report: the receiver's secrets, and the command line's consent. */
export interface RecheckOptions {
  /** The report to recheck, as read (`readReportFile`), and where it was read from. */
  readonly original: CertificationReport;
  readonly originalPath: string;
  readonly secrets: readonly string[];
  /** The receiver's URL as the command line names it: the report's target must be this one. */
  readonly url?: string;
  /** URLs the command line allows (`--targets FILE`): the report's target must be one of them. */
  readonly allowedUrls?: readonly string[];
  /** `full` (default): every check at gridX's settings; `same`: the report's own scope and settings. */
  readonly scope?: RecheckScope;
  /** Consent from the command line, never from the report: plain http:// targets. */
  readonly allowHttp?: boolean;
  /** Consent from the command line, never from the report: loopback and private addresses. */
  readonly allowPrivate?: boolean;
  /** The spec to run with; it must be the file the report names (same SHA-256). */
  readonly specPath?: string;
  readonly invocation?: readonly string[];
  readonly reportPath?: string;
  readonly retryBaseDelayMs?: number;
  readonly beforeDelivery?: BeforeSend;
  readonly onProgress?: CertifyOptions['onProgress'];
}

/**
 * Certifies the receiver a report names again and returns the new report with `recheck` set: the
 * original's digest, the scope run, and the check-by-check comparison of the checks the report has.
 * By default at gridX's settings and full scope, so a partner's narrowed or lenient run is not
 * confirmed as if it were a certificate; `scope: 'same'` reproduces the report's own run. Throws
 * RecheckRefusedError (exit 2) when the run could not be the same (see `planRecheck`) or the target
 * is private without consent.
 */
export async function runRecheck(options: RecheckOptions): Promise<CertificationReport> {
  const { original } = options;
  const engine = createEngine(options.specPath !== undefined ? { specPath: options.specPath } : {});
  const target = { ...(options.url !== undefined ? { url: options.url } : {}), ...(options.allowedUrls !== undefined ? { allowedUrls: options.allowedUrls } : {}) };
  const plan = planRecheck(original, options.originalPath, engine, options.secrets.length, target, options.scope ?? 'full');
  if (options.allowPrivate !== true) {
    const address = await privateAddressOf(plan.url);
    if (address !== undefined) {
      throw new RecheckRefusedError(
        `${original.target.url} is a loopback or private address (${address}): pass --allow-private to recheck it (the report cannot give that consent)`,
      );
    }
  }
  const now = await runCertification(
    {
      url: plan.url,
      secrets: options.secrets,
      engine,
      ...plan.settings,
      allowHttp: options.allowHttp ?? false,
      ...(options.invocation !== undefined ? { invocation: options.invocation } : {}),
      ...(options.reportPath !== undefined ? { reportPath: options.reportPath } : {}),
      ...(options.retryBaseDelayMs !== undefined ? { retryBaseDelayMs: options.retryBaseDelayMs } : {}),
      ...(options.onProgress !== undefined ? { onProgress: options.onProgress } : {}),
    },
    {
      ...(options.beforeDelivery !== undefined ? { beforeDelivery: options.beforeDelivery } : {}),
      ...(plan.settings.capacity !== undefined ? { capacityStage: certifyCapacityStage } : {}),
    },
  );
  const comparison = compareReports(original, now, plan.scope);
  return {
    ...now,
    recheck: {
      of: { digest: plan.digest, path: displayPath(options.originalPath), verdict: original.verdict, startedAt: original.startedAt },
      scope: plan.scope,
      ...comparison,
    },
  };
}
