import { reportDigest } from '../attest/reportDigest';
import type { Engine } from '../engine';
import { RecheckRefusedError } from '../errors';
import { maskUrlCredentials } from '../redaction/maskUrlCredentials';
import type { CertificationReport } from '../evidence/certificationReport';
import { isSenderReport } from '../evidence/certificationReport';
import type { CertifyOptions } from '../runner/certifyOptions';
import { VERSION } from '../version';

/**
 * `full` (the default): the recheck is gridX's own certification of the receiver: every check, at
 * gridX's settings (default runs, the 5 s deadline), whatever the report narrowed. `same`
 * (`--same-scope`): the report's own scope and settings, to reproduce it, never a certificate.
 */
export type RecheckScope = 'full' | 'same';

/** What a recheck re-runs. */
export interface RecheckPlan {
  readonly digest: string;
  readonly url: string;
  readonly scope: RecheckScope;
  /** The run settings: the report's own under `same`, gridX's defaults under `full` (same seed either way). */
  readonly settings: Pick<CertifyOptions, 'seed' | 'types' | 'checks' | 'runs' | 'timeoutMs' | 'concurrency' | 'maxEventBytes' | 'capacity'>;
}

/** Where the recheck may send: the command line's choices, never the report's. */
export interface RecheckTarget {
  /** `--url`: the report's target must be this URL (credentials masked as the report masks them); it is sent here. */
  readonly url?: string;
  /** `--targets FILE`: the receiver URLs gridX rechecks; the report's target must be one of them. */
  readonly allowedUrls?: readonly string[];
}

/**
 * Refuses (RecheckRefusedError, exit 2) whatever would make the recheck run something else than
 * the report describes: a report changed after it was written, another hookproof major version
 * (its checks may differ), another spec file (its cases differ), another number of secrets (the
 * rotation cases differ), a receiver URL whose password the report masked; and a target the
 * command line did not name when it names some (`--url`, `--targets`).
 */
export function planRecheck(original: CertificationReport, path: string, engine: Engine, secretCount: number, target: RecheckTarget, scope: RecheckScope = 'full'): RecheckPlan {
  if (isSenderReport(original)) throw new RecheckRefusedError(`${path} is a listen (sender) report: only certify reports can be rechecked`);
  if (original.digest === undefined) throw new RecheckRefusedError(`${path} has no digest (written by a hookproof without digests): it cannot be named, so it cannot be rechecked`);
  const digest = reportDigest(original);
  if (digest !== original.digest)
    throw new RecheckRefusedError(`${path} was changed after it was written (its digest does not match its content); run hookproof report verify ${path}`);
  const theirs = majorOf(original.tool.version);
  if (theirs !== majorOf(VERSION)) {
    throw new RecheckRefusedError(
      `${path} was made by hookproof ${original.tool.version}; this is hookproof ${VERSION} (another major version, whose checks differ): recheck with hookproof ${theirs}.x`,
    );
  }
  if (engine.spec.sha256 !== original.spec.sha256) {
    throw new RecheckRefusedError(
      `${path} was made with spec ${original.spec.path} (SHA-256 ${original.spec.sha256}); ${engine.spec.path} has SHA-256 ${engine.spec.sha256}: pass --spec with the file the report names`,
    );
  }
  if (secretCount !== original.options.secrets) {
    throw new RecheckRefusedError(`${path} was certified with ${original.options.secrets} secret(s); give the same number (--secret-env NAME, repeated), not ${secretCount}`);
  }
  const named = original.target.url;
  if (target.url !== undefined && maskUrlCredentials(target.url) !== named) {
    throw new RecheckRefusedError(`${path} is about ${named}, not the --url ${maskUrlCredentials(target.url)}: gridX rechecks the receiver it names on the command line`);
  }
  const url = target.url ?? named;
  if (target.allowedUrls !== undefined && !target.allowedUrls.some((allowed) => allowed === url || maskUrlCredentials(allowed) === named)) {
    throw new RecheckRefusedError(`${path} is about ${named}, which is not in the --targets list: gridX rechecks only the receivers it lists`);
  }
  if (target.url === undefined && /\/\/[^/@]*:\*\*\*@/.test(url)) throw new RecheckRefusedError(`${path} names its receiver with a masked password: pass --url with the full URL`);
  return { digest, url, scope, settings: settingsFor(original, scope) };
}

/** The run settings of a recheck: the same seed always; the report's scope only under `same`. */
export function settingsFor(original: CertificationReport, scope: RecheckScope): RecheckPlan['settings'] {
  // A declared rate is the partner's claim, not a narrowing: rechecked at that rate, with certify's
  // defaults (full) or the report's own capacity settings (same).
  const declared = original.capacity?.settings;
  if (scope === 'full') return { seed: original.seed, ...(declared !== undefined ? { capacity: { rate: declared.rate } } : {}) };
  return {
    ...(declared !== undefined
      ? {
          capacity: {
            rate: declared.rate,
            durationMs: declared.durationMs,
            outageMs: declared.outageMs ?? false,
            findMax:
              declared.findMax !== undefined
                ? {
                    maxRate: declared.findMax.maxRate,
                    stepMs: declared.findMax.stepMs,
                    cooldownMs: declared.findMax.cooldownMs,
                    // A report written before the budget existed reruns with today's default.
                    ...(declared.findMax.budgetMs !== undefined ? { budgetMs: declared.findMax.budgetMs } : {}),
                  }
                : false,
            retryBaseMs: declared.retryBaseMs,
            maxInFlight: declared.maxInFlight,
          },
        }
      : {}),
    seed: original.seed,
    types: original.options.types,
    checks: original.options.checks,
    runs: original.options.runs,
    timeoutMs: original.options.timeoutMs,
    concurrency: original.options.concurrency,
    ...(original.options.maxEventBytes !== undefined ? { maxEventBytes: original.options.maxEventBytes } : {}),
  };
}

function majorOf(version: string): string {
  return version.split('.')[0] ?? version;
}
