import type { KeyObject } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { isSenderReport, type CertificationReport } from '../evidence/certificationReport';
import { verdictOf } from '../evidence/verdict';
import { judgeScope } from '../evidence/scope';
import { REQUIREMENTS } from '../contract/requirements';
import { envelopeVerifies, isDsseEnvelope, keyIdOf } from './dsse';
import { reportDigest } from './reportDigest';
import { bytesDigest, HOOKPROOF_PREDICATE_TYPE, IN_TOTO_PAYLOAD_TYPE, SUBJECT_NAMES, urlDigest, type StatementSubject } from './statement';

/** The file name of the attestation written beside report.json. */
export const ATTESTATION_FILE_NAME = 'report.dsse.json';

/** What `report verify` found. Every problem is one line; none means the report is sound. */
export interface ReportVerification {
  readonly digest: 'valid' | 'missing' | 'mismatch';
  readonly verdict: 'consistent' | 'inconsistent';
  /** Only when a public key was given. */
  readonly signature?: 'valid' | 'invalid' | 'missing';
  /** The id of the key that signed it (SHA-256 of its SPKI), when the signature is valid. */
  readonly keyId?: string;
  /** Whether a report.dsse.json lies beside the report (so a signature could have been checked). */
  readonly attestationBeside: boolean;
  readonly problems: readonly string[];
}

/**
 * Checks a report: its digest matches its content, and its verdict is what the verdict rule gives
 * for its checks. With a public key, also the DSSE envelope `report.dsse.json` beside `reportPath`:
 * signed by that key, an in-toto statement with hookproof's predicate whose subjects are this
 * report's digest, its spec's SHA-256 and its receiver URL.
 */
export function verifyReport(report: CertificationReport, reportPath: string, publicKey?: KeyObject): ReportVerification {
  const problems: string[] = [];
  const computed = reportDigest(report);
  const digest = report.digest === undefined ? 'missing' : report.digest === computed ? 'valid' : 'mismatch';
  if (digest === 'missing') problems.push('the report has no digest (written by a hookproof without digests?)');
  if (digest === 'mismatch') problems.push(`digest mismatch: the report says ${report.digest ?? ''} but its content hashes to ${computed}: it was changed after it was written`);
  const expectedVerdict = verdictOf(report.checks, report.gone);
  // A listen (sender) report also fails when nothing arrived, which no check records: there only a
  // failed check with a passing verdict is a contradiction.
  const verdict = expectedVerdict === report.verdict || (isSenderReport(report) && report.verdict === 'fail') ? 'consistent' : 'inconsistent';
  if (verdict === 'inconsistent') problems.push(`verdict "${report.verdict}" does not follow from the checks, which give "${expectedVerdict}"`);
  const scopeProblem = scopeContradiction(report);
  if (scopeProblem !== undefined) problems.push(scopeProblem);
  const attestationPath = join(dirname(reportPath), ATTESTATION_FILE_NAME);
  const attestationBeside = existsSync(attestationPath);
  if (publicKey === undefined) return { digest, verdict, attestationBeside, problems };
  const signature = checkAttestation(attestationPath, reportFileOf(reportPath), report, computed, publicKey, problems);
  return { digest, verdict, signature, ...(signature === 'valid' ? { keyId: keyIdOf(publicKey) } : {}), attestationBeside, problems };
}

/**
 * A scope that claims more than the report shows: `full` while its own checks, runs or timeout
 * say the run was narrowed (the event types are judged against the spec, which the report does
 * not hold, so they are taken as written).
 */
function scopeContradiction(report: CertificationReport): string | undefined {
  const scope = report.scope;
  if (scope === undefined || isSenderReport(report)) return undefined;
  const recomputed = judgeScope({
    requirements: REQUIREMENTS.filter((r) => report.checks.some((c) => c.requirement === r.id)).map((r) => r.id),
    // A run with a declared rate claims CAP-1..3 too (its report carries a capacity section).
    rateDeclared: report.capacity !== undefined,
    types: { selected: 1, all: 1 },
    runs: report.options.runs,
    timeoutMs: report.options.timeoutMs,
  });
  const missing = recomputed.narrowed.flatMap((aspect, i) => (scope.narrowed.includes(aspect) ? [] : [recomputed.details[i] ?? aspect]));
  if (missing.length > 0) return `scope "${scope.level}" hides what the run narrowed: ${missing.join('; ')}`;
  if ((scope.level === 'full') !== (scope.narrowed.length === 0)) return `scope "${scope.level}" contradicts its own list of what was narrowed`;
  return undefined;
}

/** The report.json whose bytes the attestation's subject names: the file itself, or the one beside report.html. */
function reportFileOf(reportPath: string): string | undefined {
  if (!/\.html?$/i.test(reportPath)) return reportPath;
  const beside = join(dirname(reportPath), 'report.json');
  return existsSync(beside) ? beside : undefined;
}

function checkAttestation(
  path: string,
  reportFile: string | undefined,
  report: CertificationReport,
  computed: string,
  publicKey: KeyObject,
  problems: string[],
): 'valid' | 'invalid' | 'missing' {
  if (!existsSync(path)) {
    problems.push(`no attestation: ${path} does not exist (certify with --sign-key-env to write one)`);
    return 'missing';
  }
  let envelope: unknown;
  try {
    envelope = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    problems.push(`${path} is not JSON`);
    return 'invalid';
  }
  if (!isDsseEnvelope(envelope)) {
    problems.push(`${path} is not a DSSE envelope`);
    return 'invalid';
  }
  if (!envelopeVerifies(envelope, publicKey)) {
    problems.push('the attestation is not signed by the given public key (or was changed after signing)');
    return 'invalid';
  }
  const before = problems.length;
  if (envelope.payloadType !== IN_TOTO_PAYLOAD_TYPE) problems.push(`the attestation's payload type is ${envelope.payloadType}, not ${IN_TOTO_PAYLOAD_TYPE}`);
  const statement = parseStatement(envelope.payload);
  if (statement === undefined || statement.predicateType !== HOOKPROOF_PREDICATE_TYPE) {
    problems.push('the attestation is not a hookproof in-toto statement');
    return 'invalid';
  }
  const subject = (name: string): string | undefined => statement.subject.find((s) => s.name === name)?.digest.sha256;
  // The report subject is the SHA-256 of report.json's bytes; the canonical digest is in the predicate.
  // From report.html alone (no report.json beside it) only the canonical digest can be compared.
  const aboutThisFile = reportFile === undefined || subject(SUBJECT_NAMES.report) === bytesDigest(readFileSync(reportFile));
  if (!aboutThisFile || statement.reportDigest !== computed) problems.push('the attestation is about another report (its report digest differs)');
  if (subject(SUBJECT_NAMES.spec) !== report.spec.sha256) problems.push("the attestation names another spec (its SHA-256 differs from the report's)");
  if (subject(SUBJECT_NAMES.receiver) !== urlDigest(report.target.url)) problems.push('the attestation names another receiver URL');
  return problems.length === before ? 'valid' : 'invalid';
}

function parseStatement(payload: string): { readonly predicateType: unknown; readonly subject: readonly StatementSubject[]; readonly reportDigest: unknown } | undefined {
  try {
    const value = JSON.parse(Buffer.from(payload, 'base64').toString('utf8')) as { predicateType?: unknown; subject?: unknown; predicate?: { reportDigest?: unknown } };
    if (!Array.isArray(value.subject)) return undefined;
    const subject = value.subject.filter(
      // Parsed from the envelope, so nothing is known yet: a subject's `digest` may be missing.
      (s: unknown): s is StatementSubject =>
        typeof s === 'object' && s !== null && typeof (s as Partial<StatementSubject>).name === 'string' && typeof (s as Partial<StatementSubject>).digest?.sha256 === 'string',
    );
    return { predicateType: value.predicateType, subject, reportDigest: value.predicate?.reportDigest };
  } catch {
    return undefined;
  }
}
