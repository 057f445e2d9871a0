import { describeResult } from '../../delivery';
import { answersSideBySide } from '../../findings/answersSideBySide';
import { captureAnswer } from '../../findings/captureAnswer';
import { maskUrlCredentials, terminalSafe } from '../../reports';
import { redactSecrets } from '../../redaction/redactSecrets';
import { describeRecipe } from '../../evidence/signatureRecipe';
import { findReportedCaseWithCheck } from '../../runner/replayCase';
import { caseDeliveries, last, replayCase, secretsNeededBy } from '../../runner/replayPlan';
import { replayJudgement } from '../../runner/replayJudgement';
import type { CommandRegistration } from '../command';
import { EXIT, type ExitCode } from '../exitCodes';
import type { CliIO } from '../io';
import { numberOption } from '../numberOption';
import { resolveSecrets, type SecretSources } from '../secrets';
import { addSecretOptions } from '../options';
import { headerOption } from '../headerOption';
import { gridx } from '../../contract/gridx';

export interface ReplayCommandOptions extends SecretSources {
  readonly report: string;
  readonly caseId: string;
  readonly url: string;
  readonly timeoutMs?: number;
  /** `-H 'Name: value'`: headers added to the delivery. */
  readonly header?: Readonly<Record<string, string>>;
}

/**
 * `hookproof replay REPORT CASE-ID --url URL`: sends every delivery of a reported case again, in
 * order, byte for byte, with each digest the report describes recomputed from the target's secret
 * (--secret-env, else $HOOKPROOF_SECRET, as the curl snippet does). Prints the recorded and the new
 * answer side by side and judges the whole case by its requirement's rule: exit 0 when it is now
 * right, 1 when it is still wrong.
 */
export async function runReplay(options: ReplayCommandOptions, io: CliIO): Promise<ExitCode> {
  const { failure, check } = findReportedCaseWithCheck(options.report, options.caseId);
  const env = io.env ?? process.env;
  const plan = caseDeliveries(failure, check.requirement);
  const wantsSecrets = (options.secret?.length ?? 0) > 0 || (options.secretEnv?.length ?? 0) > 0;
  // Like the curl snippet, the secret defaults to $HOOKPROOF_SECRET when the case needs one.
  const fallback = !wantsSecrets && secretsNeededBy(plan).length > 0 && (env.HOOKPROOF_SECRET ?? '') !== '' ? { secretEnv: ['HOOKPROOF_SECRET'] } : undefined;
  const secrets = wantsSecrets ? resolveSecrets(options, env) : fallback !== undefined ? resolveSecrets(fallback, env) : undefined;
  const replay = await replayCase(failure, check.requirement, {
    url: options.url,
    ...(secrets !== undefined ? { secrets } : {}),
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.header !== undefined ? { extraHeaders: options.header } : {}),
  });
  // Everything printed comes from a report file or a receiver: credentials masked, controls escaped.
  const print = (line: string): void => io.out(terminalSafe(redactSecrets(maskUrlCredentials(line), secrets ?? [])));
  print(`case      ${failure.case}: ${failure.label}`);
  const many = plan.deliveries.length > 1;
  replay.deliveries.forEach((delivery, index) => {
    const recorded = plan.deliveries.find((d) => d.label === delivery.label && d.role === delivery.role);
    const prefix = many ? `${index + 1}/${plan.deliveries.length} ${delivery.role}: ${delivery.label}; ` : '';
    print(`request   ${prefix}POST ${options.url} (${delivery.body.length} bytes)`);
    for (const [name, value] of Object.entries(delivery.headers)) {
      // Never the recomputed digests themselves: the report's description of how they are made.
      const shown = name === 'x-signature' && recorded !== undefined ? `${describeRecipe(recorded.request.signature)} (recomputed)` : value;
      print(`          ${name}: ${shown}`);
    }
    if (many) print(`          now: ${delivery.attempts.map(describeResult).join('; ')}`);
  });
  if (plan.deliveries.length > replay.deliveries.length) print(`          (${plan.deliveries.length - replay.deliveries.length} control(s) not sent: not needed)`);
  if (failure.request.redacted !== undefined) {
    print(`          (the report's body had a secret redacted: ${failure.request.redacted.size} bytes were sent originally, these differ)`);
  }
  const blamed = replay.deliveries.find((d) => d.blamed) ?? replay.deliveries.find((d) => d.role === 'judged');
  print(`expected  ${failure.expected}`);
  print(`reported  ${failure.actual}`);
  if (blamed !== undefined) print(`now       ${describeResult(last(blamed))}`);
  io.out('');
  if (blamed !== undefined) {
    // The new answer is a receiver's text: redacted with the secrets given and escaped, like the recorded one.
    const now = captureAnswer(last(blamed), secrets ?? []);
    for (const line of answersSideBySide(failure.answer, now)) print(line);
    io.out('');
  }
  for (const note of replay.notes) print(`note      ${note}`);
  if (blamed !== undefined && replayJudgement(check.requirement, last(blamed)) === undefined) {
    print(`verdict   not judged: ${check.requirement} is not a receiver requirement (this case comes from a listen report)`);
    return EXIT.pass;
  }
  if (replay.fixed) {
    const all = many ? `every one of its ${replay.deliveries.length} deliveries is answered as ` : 'the receiver now answers as ';
    print(`verdict   FIXED: ${all}${check.requirement} requires (${blamed?.judgement?.expected ?? 'its rule'})`);
    return EXIT.pass;
  }
  print(`verdict   STILL WRONG: ${replay.reason ?? `${check.requirement} is not met`}`);
  return EXIT.fail;
}

export const replayCommand: CommandRegistration = {
  name: 'replay',
  define(command) {
    addSecretOptions(
      command
        .description('send a failing case from a report again (every delivery it is made of), to any URL; exit 0 if it is now answered rightly, 1 if still wrongly')
        .argument('<report>', 'path of a report.json written by certify')
        .argument('<case-id>', 'the case ID, e.g. sig-wrong-secret#1')
        .requiredOption('--url <url>', 'where to send it'),
      "the target's secret: every digest of the case is recomputed with it (default: $HOOKPROOF_SECRET)",
      "the variable holding the target's secret (default: HOOKPROOF_SECRET)",
    )
      .addOption(numberOption('--timeout-ms', 'n', 'timeout in milliseconds', String(gridx.deadlineMs)))
      .addOption(headerOption());
  },
  run(parsed, io) {
    const [report, caseId] = parsed.args as [string, string];
    // Commander leaves out the options not given (optional means absent), and the flags are named after the fields.
    return runReplay({ ...parsed.opts<Omit<ReplayCommandOptions, 'report' | 'caseId'>>(), report, caseId }, io);
  },
};
