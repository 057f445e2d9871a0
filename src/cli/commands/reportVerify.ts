import { readReportFile } from '../../attest/readReportFile';
import { publicKeyFromFile } from '../../attest/signingKey';
import { verifyReport } from '../../attest/verifyReport';
import type { CommandRegistration } from '../command';
import { isPartial, scopeLine } from '../../reportModel/scope';
import { terminalSafe } from '../../text/terminalSafe';
import { EXIT, type ExitCode } from '../exitCodes';
import type { CliIO } from '../io';

export interface ReportVerifyOptions {
  readonly report: string;
  readonly publicKey?: string;
}

/**
 * `hookproof report verify REPORT [--public-key PEM]`: the digest matches the content, the verdict
 * follows from the checks, and with a key the attestation beside the report is signed by it and
 * about this report. Exit 0 valid, 1 invalid or attestation missing, 2 unreadable input.
 */
export function runReportVerify(options: ReportVerifyOptions, io: CliIO): Promise<ExitCode> {
  const publicKey = options.publicKey !== undefined ? publicKeyFromFile(options.publicKey) : undefined;
  const report = readReportFile(options.report);
  const result = verifyReport(report, options.report, publicKey);
  io.out(`digest     ${result.digest}${report.digest !== undefined ? ` (${report.digest})` : ''}`);
  io.out(`verdict    ${report.verdict}: ${result.verdict} with the checks`);
  if (report.scope !== undefined) io.out(`scope      ${report.scope.level === 'full' ? 'full' : terminalSafe(scopeLine(report.scope))}`);
  if (result.signature !== undefined) io.out(`signature  ${result.signature}`);
  for (const problem of result.problems) io.err(`✘ ${problem}`);
  // Valid means the report is what hookproof wrote; a partial one is still no certificate.
  const partial = isPartial(report.scope) ? ' (PARTIAL run, not a certificate)' : '';
  io.out(result.problems.length === 0 ? `VALID${partial}: ${options.report}` : `INVALID: ${options.report}`);
  return Promise.resolve(result.problems.length === 0 ? EXIT.pass : EXIT.fail);
}

export const reportVerifyCommand: CommandRegistration = {
  name: 'verify',
  define(command) {
    command
      .description("check a report's digest, that its verdict follows from its checks and, with --public-key, its signed attestation")
      .argument('<report>', 'report.json, or report.html (it embeds report.json)')
      .option('--public-key <file>', "gridX's Ed25519 public key (PEM): also check report.dsse.json beside the report");
  },
  run(parsed, io) {
    const o = parsed.opts<{ publicKey?: string }>();
    const [report] = parsed.args as [string];
    return runReportVerify({ report, ...(o.publicKey !== undefined ? { publicKey: o.publicKey } : {}) }, io);
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
