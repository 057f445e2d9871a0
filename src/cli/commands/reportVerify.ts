import { Option } from 'commander';
import { readReportSource } from '../../attest/readReportFile';
import { scopeOf } from '../../attest/reportScope';
import { scopeLine } from '../../evidence/scope';
import { publicKeyFromFile } from '../../attest/signingKey';
import { ATTESTATION_FILE_NAME, verifyReport } from '../../attest/verifyReport';
import { pageMismatch } from '../../reports/html/pageMatchesReport';
import { terminalSafe } from '../../text/terminalSafe';
import type { CommandRegistration } from '../command';
import { EXIT, type ExitCode } from '../exitCodes';
import type { CliIO } from '../io';
import { describeAge, parseMaxAge } from '../maxAge';

export interface ReportVerifyOptions {
  readonly report: string;
  readonly publicKey?: string;
  /** Milliseconds: a report that finished longer ago is refused. */
  readonly maxAgeMs?: number;
  /** The time to judge the age at (tests); default now. */
  readonly now?: Date;
}

/**
 * `hookproof report verify REPORT [--public-key PEM] [--max-age 90d]`: the digest matches the
 * content, the verdict follows from the checks, report.html shows exactly its embedded report, and
 * with a key the attestation beside the report is signed by it and about this report. Prints what
 * the report is about (target, times, age, scope, verdict, key id) so a reader sees what was
 * vouched for, and says plainly when no signature was checked. Exit 0 valid, 1 invalid, too old or
 * attestation missing, 2 unreadable input.
 */
export function runReportVerify(options: ReportVerifyOptions, io: CliIO): Promise<ExitCode> {
  const publicKey = options.publicKey !== undefined ? publicKeyFromFile(options.publicKey) : undefined;
  const { report, page } = readReportSource(options.report);
  const verified = verifyReport(report, options.report, publicKey);
  const problems = [...verified.problems];
  // The page a person reads must be the report that was digested and signed.
  const mismatch = page !== undefined ? pageMismatch(page, report) : undefined;
  if (mismatch !== undefined) problems.push(mismatch);
  const ageMs = (options.now ?? new Date()).getTime() - Date.parse(report.finishedAt);
  if (options.maxAgeMs !== undefined && ageMs > options.maxAgeMs) problems.push(`the report is ${describeAge(ageMs)} old, older than --max-age ${describeAge(options.maxAgeMs)}`);
  const scope = scopeOf(report);
  // Everything printed from the report came from a file: escaped for the terminal.
  const safe = terminalSafe;
  io.out(`target     ${safe(report.target.url)}`);
  io.out(`run        ${safe(report.startedAt)} – ${safe(report.finishedAt)} (${describeAge(ageMs)} ago)`);
  // A report that states its scope says how it was narrowed; an older one is judged from its options.
  const stated = report.scope !== undefined && report.scope.level === 'partial' ? scopeLine(report.scope) : undefined;
  io.out(
    `scope      ${stated !== undefined ? safe(stated) : `${scope.level}${scope.narrowed.length > 0 ? ` (narrowed: ${safe(scope.narrowed.join(', '))}): not a certificate` : ''}`}`,
  );
  io.out(`digest     ${verified.digest}${report.digest !== undefined ? ` (${safe(report.digest)})` : ''}`);
  io.out(`verdict    ${report.verdict}: ${verified.verdict} with the checks`);
  if (page !== undefined) io.out(`page       ${mismatch === undefined ? 'shows exactly the embedded report' : 'differs from the embedded report'}`);
  if (verified.signature !== undefined) io.out(`signature  ${verified.signature}${verified.keyId !== undefined ? ` (key id ${verified.keyId})` : ''}`);
  else {
    io.out('signature  NOT CHECKED (no --public-key): this says nothing about who made the report');
    if (verified.attestationBeside) io.err(`⚠ ${ATTESTATION_FILE_NAME} lies beside the report, but no --public-key was given: its signature was not checked`);
  }
  for (const problem of problems) io.err(`✘ ${safe(problem)}`);
  // Valid means the report is what hookproof wrote; a partial one is still no certificate.
  const partial = scope.level === 'full' ? '' : ' (PARTIAL run, not a certificate)';
  io.out(
    problems.length === 0
      ? `VALID${partial}: ${options.report}${verified.signature === undefined ? ' (digest and verdict only; unsigned check)' : ''}`
      : `INVALID: ${options.report}`,
  );
  return Promise.resolve(problems.length === 0 ? EXIT.pass : EXIT.fail);
}

export const reportVerifyCommand: CommandRegistration = {
  name: 'verify',
  define(command) {
    command
      .description("check a report's digest, that its verdict follows from its checks, that report.html shows it and, with --public-key, its signed attestation")
      .argument('<report>', 'report.json, or report.html (it embeds report.json)')
      .option('--public-key <file>', "gridX's Ed25519 public key (PEM): also check report.dsse.json beside the report")
      .addOption(new Option('--max-age <age>', 'refuse a report that finished longer ago, e.g. 90d, 12h').argParser(parseMaxAge));
  },
  run(parsed, io) {
    const o = parsed.opts<{ publicKey?: string; maxAge?: number }>();
    const [report] = parsed.args as [string];
    return runReportVerify({ report, ...(o.publicKey !== undefined ? { publicKey: o.publicKey } : {}), ...(o.maxAge !== undefined ? { maxAgeMs: o.maxAge } : {}) }, io);
  },
};

/** `hookproof report …`: work on written reports. */
export const reportCommand: CommandRegistration = {
  name: 'report',
  subcommands: [reportVerifyCommand],
  define(command) {
    command.description('work on written reports: verify');
  },
  run: () => Promise.resolve(EXIT.error),
};
