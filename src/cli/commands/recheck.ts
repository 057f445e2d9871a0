import { join } from 'node:path';
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
import { refuseUnfitDir } from '../reportDir';
import type { CliIO } from '../io';
import { resolveSecrets, type SecretSources } from '../secrets';
import { addSecretOptions, reportDirOption, signKeyEnvOption } from '../options';
import { readAllowList } from '../input/readAllowList';

/** Typed options of `recheck`. */
export interface RecheckCommandOptions extends CommonOptions, SecretSources {
  /** report.json, or report.html (which embeds it). */
  readonly report: string;
  readonly url?: string;
  /** A file of the receiver URLs gridX rechecks: the report's target must be one of them. */
  readonly targets?: string;
  readonly sameScope?: boolean;
  readonly allowHttp?: boolean;
  readonly allowPrivate?: boolean;
  readonly reportDir: string;
  readonly signKeyEnv?: string;
}

/**
 * `hookproof recheck REPORT`: certifies the receiver a report names again, by default in full scope
 * at gridX's settings (`--same-scope` reproduces the report's own run), and compares check by
 * check. Where it sends is the command line's choice: the report's target must match `--url` or
 * the `--targets` list when given, and http:// or private addresses need `--allow-http` /
 * `--allow-private`, never the report's say. Exit 0 when confirmed, 1 when not, 2 when refused.
 */
export async function runRecheckCommand(options: RecheckCommandOptions, io: CliIO): Promise<ExitCode> {
  const env = io.env ?? process.env;
  const reportDir = refuseUnfitDir(options.reportDir);
  const original = readReportFile(options.report);
  const secrets = resolveSecrets(options, env);
  const signingKey = options.signKeyEnv !== undefined ? privateKeyFromEnv(options.signKeyEnv, env) : undefined;
  const progress = createProgressRenderer(io.progress ?? { isTTY: false, write: (text: string) => io.err(text.replace(/\n$/, '')) }, { secrets });
  const report = await runRecheck({
    original,
    originalPath: options.report,
    secrets,
    specPath: options.spec,
    ...(options.url !== undefined ? { url: options.url } : {}),
    ...(options.targets !== undefined ? { allowedUrls: readAllowList(options.targets) } : {}),
    scope: options.sameScope === true ? 'same' : 'full',
    allowHttp: options.allowHttp === true,
    allowPrivate: options.allowPrivate === true,
    invocation: invocationOf(
      ['recheck', options.report],
      [
        ['--spec', options.spec],
        ['--url', options.url],
        ['--targets', options.targets],
        ['--same-scope', options.sameScope],
        ['--allow-http', options.allowHttp],
        ['--allow-private', options.allowPrivate],
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
        .description("certify the receiver a report names again (full scope at gridX's settings, same seed) and compare check by check")
        .argument('<report>', 'report.json, or report.html (it embeds report.json)')
        .option('--url <url>', "the receiver's URL; the report must name it (give the full URL when the report masks its password)")
        .option('--targets <file>', 'receiver URLs gridX rechecks (a fleet targets file or one URL per line): the report must name one')
        .option('--same-scope', "reproduce the report's own scope and settings (checks, types, runs, timeout) instead of a full certification")
        .option('--allow-http', 'allow a plain http:// receiver (the report cannot allow it)')
        .option('--allow-private', 'allow a loopback or private receiver address (the report cannot allow it)'),
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
