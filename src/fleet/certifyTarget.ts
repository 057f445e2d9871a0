import { readReportFile } from '../attest/readReportFile';
import type { BeforeSend } from '../delivery';
import type { Engine } from '../engine';
import { runRecheck } from '../recheck/runRecheck';
import type { CertificationReport } from '../evidence/certificationReport';
import type { CertifyOptions } from '../runner/certifyOptions';
import { runCertification } from '../runner/runCertification';
import { pickDefined, RUN_OPTION_KEYS, type RunOptions } from '../runner/runOptions';
import type { FleetTarget } from './fleetTarget';

/** The run settings every target of a fleet shares, exactly as certify takes them. */
export type SharedRunOptions = RunOptions & Pick<CertifyOptions, 'specPath' | 'allowHttp' | 'retryBaseDelayMs' | 'invocation' | 'headers'>;

/** One target's run, as plain data: what a fleet hands to the process that runs it. */
export interface TargetJob {
  readonly target: FleetTarget;
  readonly secrets: readonly string[];
  readonly reportPath: string;
  readonly shared: SharedRunOptions;
  /** Rechecks reproduce the report's own scope instead of gridX's full certification. */
  readonly sameScope?: boolean;
}

/**
 * Certifies (or rechecks) one fleet target: the same call `certify` (or `recheck`) makes, so a
 * target's verdict in a fleet is the verdict of certifying it alone.
 */
export function certifyTarget(job: TargetJob, beforeDelivery?: BeforeSend, engine?: Engine): Promise<CertificationReport> {
  const { target, secrets, reportPath, shared: options } = job;
  const shared = { ...pickDefined(options, ['retryBaseDelayMs', 'invocation']), reportPath };
  if (target.recheck !== undefined) {
    const original = readReportFile(target.recheck);
    return runRecheck({
      original,
      originalPath: target.recheck,
      secrets,
      // The targets file is the operator's: its URL, http allowance and (loopback or private)
      // address are consent from gridX's side; the report must name that URL.
      url: target.url,
      allowHttp: target.allowHttp ?? options.allowHttp ?? false,
      allowPrivate: true,
      scope: job.sameScope === true ? 'same' : 'full',
      ...(options.specPath !== undefined ? { specPath: options.specPath } : {}),
      ...(beforeDelivery !== undefined ? { beforeDelivery } : {}),
      ...shared,
    });
  }
  return runCertification(
    {
      url: target.url,
      secrets,
      ...(engine !== undefined ? { engine } : options.specPath !== undefined ? { specPath: options.specPath } : {}),
      allowHttp: target.allowHttp ?? options.allowHttp ?? false,
      ...(target.types !== undefined ? { types: target.types } : {}),
      ...pickDefined(options, [...RUN_OPTION_KEYS, 'headers']),
      ...shared,
    },
    beforeDelivery !== undefined ? { beforeDelivery } : {},
  );
}
