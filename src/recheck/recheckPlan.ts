import { reportDigest } from '../attest/reportDigest';
import type { Engine } from '../engine';
import { RecheckRefusedError } from '../errors';
import type { CertificationReport } from '../reportModel/certificationReport';
import { isSenderReport } from '../reportModel/certificationReport';
import { VERSION } from '../version';

/** What a recheck re-runs: the original run's settings, checked to be reproducible here. */
export interface RecheckPlan {
  readonly digest: string;
  readonly url: string;
}

/**
 * Refuses (RecheckRefusedError, exit 2) whatever would make the recheck run something else than
 * the report describes: a report changed after it was written, another hookproof major version
 * (its checks may differ), another spec file (its cases differ), another number of secrets (the
 * rotation cases differ), a receiver URL whose password the report masked.
 */
export function planRecheck(original: CertificationReport, path: string, engine: Engine, secretCount: number, url: string | undefined): RecheckPlan {
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
  const target = url ?? original.target.url;
  if (url === undefined && /\/\/[^/@]*:\*\*\*@/.test(target)) throw new RecheckRefusedError(`${path} names its receiver with a masked password: pass --url with the full URL`);
  return { digest, url: target };
}

function majorOf(version: string): string {
  return version.split('.')[0] ?? version;
}
