import { describeResult } from '../../delivery';
import { answersSideBySide } from '../../findings/answersSideBySide';
import { captureAnswer } from '../../findings/captureAnswer';
import { maskUrlCredentials, terminalSafe } from '../../reports';
import { redactSecrets } from '../../redaction/redactSecrets';
import { findReportedCaseWithCheck, replayCase } from '../../runner/replayCase';
import { replayJudgement } from '../../runner/replayJudgement';
import type { CommandRegistration } from '../command';
import { EXIT, type ExitCode } from '../exitCodes';
import type { CliIO } from '../io';
import { numberOption } from '../numberOption';
import { resolveSecrets, type SecretSources } from '../secrets';
import { addSecretOptions } from '../options';
import { headerOption } from '../headerOption';

export interface ReplayCommandOptions extends SecretSources {
  readonly report: string;
  readonly caseId: string;
  readonly url: string;
  readonly timeoutMs?: number;
  /** `-H 'Name: value'`: headers added to the delivery. */
  readonly header?: Readonly<Record<string, string>>;
}

/**
 * `hookproof replay REPORT CASE-ID --url URL`: resends a failing case from a report, byte for byte.
 * With a secret, digests that were valid for the certified receiver are recomputed for the new one.
 * Prints the recorded and the new answer side by side and judges the new one by the rule of the
 * case's requirement: exit 0 when it is now right, 1 when it is still wrong.
 */
export async function runReplay(options: ReplayCommandOptions, io: CliIO): Promise<ExitCode> {
  const { failure, check } = findReportedCaseWithCheck(options.report, options.caseId);
  const wantsSecrets = (options.secret?.length ?? 0) > 0 || (options.secretEnv?.length ?? 0) > 0;
  const secrets = wantsSecrets ? resolveSecrets(options, io.env ?? process.env) : undefined;
  const { result, headers, body } = await replayCase(failure, {
    url: options.url,
    ...(secrets !== undefined ? { secrets } : {}),
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.header !== undefined ? { extraHeaders: options.header } : {}),
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
  io.out('');
  // The new answer is a receiver's text: redacted with the secrets given and escaped, like the recorded one.
  const now = captureAnswer(result, secrets ?? []);
  for (const line of answersSideBySide(failure.answer, now)) print(redactSecrets(line, secrets ?? []));
  io.out('');
  const judgement = replayJudgement(check.requirement, result);
  if (judgement === undefined) {
    print(`verdict   not judged: ${check.requirement} is not a receiver requirement (this case comes from a listen report)`);
    return EXIT.pass;
  }
  if (judgement.ok) {
    print(`verdict   FIXED: the receiver now answers as ${check.requirement} requires (${judgement.expected})`);
    return EXIT.pass;
  }
  print(`verdict   STILL WRONG: ${check.requirement} requires ${judgement.expected}`);
  return EXIT.fail;
}

export const replayCommand: CommandRegistration = {
  name: 'replay',
  define(command) {
    addSecretOptions(
      command
        .description('send a failing case from a report again, to any URL; exit 0 if it is now answered rightly, 1 if still wrongly')
        .argument('<report>', 'path of a report.json written by certify')
        .argument('<case-id>', 'the case ID, e.g. sig-wrong-secret#1')
        .requiredOption('--url <url>', 'where to send it'),
      "re-sign valid digests with this secret (the target's)",
      're-sign valid digests with the secret in this variable',
    )
      .addOption(numberOption('--timeout-ms', 'n', 'timeout in milliseconds', '5000'))
      .addOption(headerOption());
  },
  run(parsed, io) {
    const [report, caseId] = parsed.args as [string, string];
    // Commander leaves out the options not given (optional means absent), and the flags are named after the fields.
    return runReplay({ ...parsed.opts<Omit<ReplayCommandOptions, 'report' | 'caseId'>>(), report, caseId }, io);
  },
};
