import { createHash } from 'node:crypto';
import type { CertificationReport } from '../reportModel/certificationReport';
import { digestHex } from './reportDigest';

/** DSSE payload type of an in-toto Statement. */
export const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json';
export const IN_TOTO_STATEMENT_TYPE = 'https://in-toto.io/Statement/v1';
/** hookproof's predicate: a certification (or recheck) run of a gridX webhook receiver. */
export const HOOKPROOF_PREDICATE_TYPE = 'https://hookproof.dev/attestation/webhook-certification/v1';

/** Subject names, so a verifier finds each subject without guessing. */
export const SUBJECT_NAMES = { report: 'report.json', spec: 'spec', receiver: 'receiver-url' } as const;

export interface StatementSubject {
  readonly name: string;
  readonly uri?: string;
  readonly digest: { readonly sha256: string };
}

/** An in-toto Statement v1 about one report. */
export interface HookproofStatement {
  readonly _type: typeof IN_TOTO_STATEMENT_TYPE;
  readonly subject: readonly StatementSubject[];
  readonly predicateType: typeof HOOKPROOF_PREDICATE_TYPE;
  readonly predicate: {
    readonly kind: 'certify' | 'recheck';
    readonly verdict: 'pass' | 'fail' | 'incomplete';
    /** For a recheck: its verdict and the digest of the report it rechecked. */
    readonly recheck?: { readonly verdict: string; readonly of: string };
    readonly tool: CertificationReport['tool'];
    readonly spec: CertificationReport['spec'];
    readonly target: CertificationReport['target'];
    readonly seed: number;
    readonly startedAt: string;
    readonly finishedAt: string;
  };
}

/**
 * The statement signed for a report. Subjects: the report (its digest), the spec file (its
 * SHA-256), and the receiver URL (SHA-256 of the URL's UTF-8 text, with the URL itself as `uri`):
 * in-toto subjects must carry a digest, and a URL has no other.
 */
export function statementFor(report: CertificationReport & { readonly digest: string }): HookproofStatement {
  return {
    _type: IN_TOTO_STATEMENT_TYPE,
    subject: [
      { name: SUBJECT_NAMES.report, digest: { sha256: digestHex(report.digest) } },
      { name: SUBJECT_NAMES.spec, uri: report.spec.path, digest: { sha256: report.spec.sha256 } },
      { name: SUBJECT_NAMES.receiver, uri: report.target.url, digest: { sha256: urlDigest(report.target.url) } },
    ],
    predicateType: HOOKPROOF_PREDICATE_TYPE,
    predicate: {
      kind: report.recheck !== undefined ? 'recheck' : 'certify',
      verdict: report.verdict,
      ...(report.recheck !== undefined ? { recheck: { verdict: report.recheck.verdict, of: report.recheck.of.digest } } : {}),
      tool: report.tool,
      spec: report.spec,
      target: report.target,
      seed: report.seed,
      startedAt: report.startedAt,
      finishedAt: report.finishedAt,
    },
  };
}

/** The digest a receiver-URL subject carries. */
export function urlDigest(url: string): string {
  return createHash('sha256').update(url, 'utf8').digest('hex');
}
