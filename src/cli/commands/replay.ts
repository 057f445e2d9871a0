import { Option } from 'commander';
import { describeResult } from '../../delivery';
import { maskUrlCredentials, terminalSafe } from '../../reports';
import { findReportedCase, replayCase } from '../../runner/replayCase';
import type { CommandRegistration, CommonOptions } from '../command';
import { EXIT, type ExitCode } from '../exitCodes';
import type { CliIO } from '../io';
import { collect, wholeNumber } from '../parseNumbers';
import { resolveSecrets, type SecretSources } from '../secrets';

export interface ReplayCommandOptions extends CommonOptions, SecretSources {
  readonly report: string;
  readonly caseId: string;
  readonly url: string;
  readonly timeoutMs?: number;
}

/**
 * `hookproof replay REPORT CASE-ID --url URL`: resends a failing case from a report, byte for byte.
 * With a secret, digests that were valid for the certified receiver are recomputed for the new one.
 */
export async function runReplay(options: ReplayCommandOptions, io: CliIO): Promise<ExitCode> {
  const failure = findReportedCase(options.report, options.caseId);
  const wantsSecrets = (options.secret?.length ?? 0) > 0 || (options.secretEnv?.length ?? 0) > 0;
  const secrets = wantsSecrets ? resolveSecrets(options, io.env ?? process.env) : undefined;
  const { result, headers, body } = await replayCase(failure, {
    url: options.url,
    ...(secrets !== undefined ? { secrets } : {}),
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
  });
  // Everything printed comes from a report file or a receiver: credentials masked, controls escaped.
  const print = (line: string): void => io.out(terminalSafe(maskUrlCredentials(line)));
  print(`case      ${failure.case}: ${failure.label}`);
  print(`request   POST ${options.url} (${body.length} bytes)`);
  if (failure.request.redacted !== undefined) {
    print(`          (the report's body had a secret redacted: ${failure.request.redacted.size} bytes were sent originally, these differ)`);
  }
  for (const [name, value] of Object.entries(headers)) print(`          ${name}: ${value}`);
  print(`expected  ${failure.expected}`);
  print(`reported  ${failure.actual}`);
  print(`now       ${describeResult(result)}`);
  return EXIT.pass;
}

export const replayCommand: CommandRegistration = {
  name: 'replay',
  define(command) {
    command
      .description('send a failing case from a report again, to any URL')
      .argument('<report>', 'path of a report.json written by certify')
      .argument('<case-id>', 'the case ID, e.g. sig-wrong-secret#1')
      .requiredOption('--url <url>', 'where to send it')
      .addOption(new Option('--secret <value>', "re-sign valid digests with this secret (the target's)").argParser(collect))
      .addOption(new Option('--secret-env <name>', 're-sign valid digests with the secret in this variable').argParser(collect))
      .option('--timeout-ms <n>', 'timeout in milliseconds', '5000');
  },
  run(parsed, io) {
    const o = parsed.opts<{ spec: string; url: string; secret?: string[]; secretEnv?: string[]; timeoutMs: string }>();
    const [report, caseId] = parsed.args as [string, string];
    const timeoutMs = wholeNumber('--timeout-ms', o.timeoutMs);
    return runReplay(
      {
        spec: o.spec,
        report,
        caseId,
        url: o.url,
        ...(o.secret !== undefined ? { secret: o.secret } : {}),
        ...(o.secretEnv !== undefined ? { secretEnv: o.secretEnv } : {}),
        ...(timeoutMs !== undefined ? { timeoutMs } : {}),
      },
      io,
    );
  },
};
