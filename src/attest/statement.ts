import { createHash } from 'node:crypto';
import type { CertificationReport } from '../evidence/certificationReport';
import { scopeOf, type ReportScope } from './reportScope';

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

/** What the signer vouches for besides the subjects: how the run was made and what it found. */
export interface HookproofPredicate {
  readonly kind: 'certify' | 'recheck';
  readonly verdict: 'pass' | 'fail' | 'incomplete';
  /** `full` or `partial` (what was narrowed): a partial pass is no certificate. */
  readonly scope: ReportScope;
  /** The settings the run used: what a reader needs to judge the verdict. */
  readonly settings: CertificationReport['options'];
  /** The report's RFC 8785 canonical digest (`sha256:<hex>`), as report.json states it. */
  readonly reportDigest: string;
  /** For a recheck: its verdict, the digest of the report it rechecked, and whether it ran that report's scope or the full one. */
  readonly recheck?: { readonly verdict: string; readonly of: string; readonly scope?: string };
  readonly tool: CertificationReport['tool'];
  /** The spec by name, version and SHA-256; never the signer's local path. */
  readonly spec: { readonly sha256: string; readonly title?: string; readonly version?: string };
  readonly target: CertificationReport['target'];
  readonly seed: number;
  readonly startedAt: string;
  readonly finishedAt: string;
}

/** An in-toto Statement v1 about one report. */
export interface HookproofStatement {
  readonly _type: typeof IN_TOTO_STATEMENT_TYPE;
  readonly subject: readonly StatementSubject[];
  readonly predicateType: typeof HOOKPROOF_PREDICATE_TYPE;
  readonly predicate: HookproofPredicate;
}

/**
 * The statement signed for a report. Subjects: report.json by the SHA-256 of its file bytes (what
 * generic in-toto tooling computes from the artifact), the spec by its SHA-256 (named `spec`, no
 * local path), and the receiver URL (SHA-256 of the URL's UTF-8 text, with the URL itself as `uri`):
 * in-toto subjects must carry a digest, and a URL has no other. The canonical digest stays in the
 * predicate, with the scope, settings and verdict.
 */
export function statementFor(report: CertificationReport & { readonly digest: string }, reportFileSha256: string): HookproofStatement {
  const recheck = report.recheck as (NonNullable<CertificationReport['recheck']> & { readonly scope?: string }) | undefined;
  return {
    _type: IN_TOTO_STATEMENT_TYPE,
    subject: [
      { name: SUBJECT_NAMES.report, digest: { sha256: reportFileSha256 } },
      { name: SUBJECT_NAMES.spec, digest: { sha256: report.spec.sha256 } },
      { name: SUBJECT_NAMES.receiver, uri: report.target.url, digest: { sha256: urlDigest(report.target.url) } },
    ],
    predicateType: HOOKPROOF_PREDICATE_TYPE,
    predicate: {
      kind: recheck !== undefined ? 'recheck' : 'certify',
      verdict: report.verdict,
      scope: scopeOf(report),
      settings: report.options,
      reportDigest: report.digest,
      ...(recheck !== undefined ? { recheck: { verdict: recheck.verdict, of: recheck.of.digest, ...(recheck.scope !== undefined ? { scope: recheck.scope } : {}) } } : {}),
      tool: report.tool,
      spec: {
        sha256: report.spec.sha256,
        ...(report.spec.title !== undefined ? { title: report.spec.title } : {}),
        ...(report.spec.version !== undefined ? { version: report.spec.version } : {}),
      },
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

/** SHA-256 of bytes, hex: the digest of a file subject. */
export function bytesDigest(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
