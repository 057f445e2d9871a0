import { join, resolve } from 'node:path';
import { readReportFile } from '../../attest/readReportFile';
import { signReportFile } from '../../attest/signReport';
import { privateKeyFromEnv } from '../../attest/signingKey';
import { renderComparison } from '../../recheck/renderComparison';
import { runRecheck } from '../../recheck/runRecheck';
import { InternalError } from '../../errors';
import { createProgressRenderer, redactSecrets, renderSummary, writeReports } from '../../reports';
import type { CommandRegistration, CommonOptions } from '../command';
import { exitCodeForOutcome, type ExitCode } from '../exitCodes';
import { invocationOf } from '../invocation';
import type { CliIO } from '../io';
import { resolveSecrets, type SecretSources } from '../secrets';
import { addSecretOptions, reportDirOption, signKeyEnvOption } from '../options';

/** Typed options of `recheck`. */
export interface RecheckCommandOptions extends CommonOptions, SecretSources {
  /** report.json, or report.html (which embeds it). */
  readonly report: string;
  readonly url?: string;
  readonly reportDir: string;
  readonly signKeyEnv?: string;
}

/**
 * `hookproof recheck REPORT`: runs the certification a report describes again and compares check
 * by check. Exit 0 when confirmed, 1 when not, 2 when it cannot be the same run.
 */
export async function runRecheckCommand(options: RecheckCommandOptions, io: CliIO): Promise<ExitCode> {
  const env = io.env ?? process.env;
  const original = readReportFile(options.report);
  const secrets = resolveSecrets(options, env);
  const signingKey = options.signKeyEnv !== undefined ? privateKeyFromEnv(options.signKeyEnv, env) : undefined;
  const progress = createProgressRenderer(io.progress ?? { isTTY: false, write: (text: string) => io.err(text.replace(/\n$/, '')) }, { secrets });
  const reportDir = resolve(options.reportDir);
  const report = await runRecheck({
    original,
    originalPath: options.report,
    secrets,
    specPath: options.spec,
    ...(options.url !== undefined ? { url: options.url } : {}),
    invocation: invocationOf(
      ['recheck', options.report],
      [
        ['--spec', options.spec],
        ['--url', options.url],
        ['--secret', options.secret],
        ['--secret-env', options.secretEnv],
        ['--report-dir', options.reportDir],
        ['--sign-key-env', options.signKeyEnv],
      ],
    ),
    reportPath: join(options.reportDir, 'report.json'),
    onProgress: progress,
  });
  const files = await writeReports(report, reportDir, secrets);
  for (const line of renderSummary(report, { htmlPath: files.html, secrets }).split('\n')) io.out(line);
  // Print the comparison as written (redacted): a receiver's answer may echo anything back.
  const recheck = readReportFile(files.json).recheck;
  if (recheck === undefined) throw new InternalError(`${files.json} was written without its recheck result`);
  for (const line of renderComparison(recheck)) io.out(redactSecrets(line, secrets));
  if (signingKey !== undefined) io.out(`attestation ${await signReportFile(files.json, signingKey)}`);
  return exitCodeForOutcome(recheck.verdict !== 'confirmed');
}

/** Registration of `recheck`. */
export const recheckCommand: CommandRegistration = {
  name: 'recheck',
  readsSpec: true,
  define(command) {
    addSecretOptions(
      command
        .description('run the certification a report describes again (same seed, types, checks, runs, timeout) and compare check by check')
        .argument('<report>', 'report.json, or report.html (it embeds report.json)')
        .option('--url <url>', "the receiver's URL, if not the one the report names"),
      'a current secret of the receiver (repeat for a rotation); prefer --secret-env',
    )
      .addOption(reportDirOption("where to write the recheck's report.json, junit.xml and report.html", './hookproof-recheck'))
      .addOption(signKeyEnvOption('sign the recheck report with the Ed25519 PEM private key in this environment variable'));
  },
  run(parsed, io) {
    const [report] = parsed.args as [string];
    // Commander leaves out the options not given (optional means absent), and the flags are named after the fields.
    return runRecheckCommand({ ...parsed.opts<Omit<RecheckCommandOptions, 'report'>>(), report }, io);
  },
};
