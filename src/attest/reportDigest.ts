import { createHash } from 'node:crypto';
import type { CertificationReport } from '../evidence/certificationReport';
import { canonicalize } from './canonicalJson';

/** How a digest is written in report.json: the algorithm, a colon, the lower-case hex value. */
export const DIGEST_PREFIX = 'sha256:';

/**
 * The digest of a report: SHA-256 over the RFC 8785 canonical JSON (see `canonicalize`) of every
 * field except `digest` itself, as `sha256:<hex>`. Computed on the report exactly as written
 * (after redaction), so `report verify` recomputes it from the parsed file alone.
 */
export function reportDigest(report: Readonly<Record<string, unknown>> | CertificationReport): string {
  const { digest: _ignored, ...content } = report as Readonly<Record<string, unknown>>;
  return `${DIGEST_PREFIX}${createHash('sha256').update(canonicalize(content), 'utf8').digest('hex')}`;
}

/** The report with its `digest` set to the digest of everything else. */
export function withDigest(report: CertificationReport): CertificationReport {
  return { ...report, digest: reportDigest(report) };
}

/** The bare hex of a `sha256:<hex>` digest (in-toto subjects carry hex without the prefix). */
export function digestHex(digest: string): string {
  return digest.startsWith(DIGEST_PREFIX) ? digest.slice(DIGEST_PREFIX.length) : digest;
}
