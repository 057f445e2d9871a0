import { createEngine } from '../../../engine';
import { formatMessagePactReport } from '../../../pact/messages/formatMessagePactReport';
import { readMessagePact } from '../../../pact/messages/messagePactFile';
import { verifyMessagePact } from '../../../pact/messages/verifyMessagePact';
import type { CommandRegistration, CommonOptions } from '../../command';
import { exitCodeForOutcome, type ExitCode } from '../../exitCodes';
import type { CliIO } from '../../io';
import { jsonOption } from '../../options';
import { numberOption } from '../../numberOption';

/** Typed options of `pact verify-messages`. */
export interface VerifyMessagesOptions extends CommonOptions {
  /** The receiver's message pact file. */
  readonly pact: string;
  readonly runs: number | undefined;
  readonly seed: number | undefined;
  readonly strict: boolean;
  readonly json: boolean;
}

/**
 * `hookproof pact verify-messages --pact FILE`: checks, from gridX's side, that every message a
 * receiver's pact expects is producible under the spec. Exit 0 if so, 1 if not (or, with --strict,
 * on warnings); a missing file, a non-pact or a pact without messages throw (exit 2).
 */
// eslint-disable-next-line @typescript-eslint/require-await -- async on purpose: like every command it returns a promise, and a spec it cannot read rejects it instead of throwing synchronously
export async function runVerifyMessages(options: VerifyMessagesOptions, io: CliIO): Promise<ExitCode> {
  const pact = readMessagePact(options.pact);
  const engine = createEngine({ specPath: options.spec });
  const report = verifyMessagePact(engine, pact, {
    strict: options.strict,
    ...(options.runs !== undefined ? { runs: options.runs } : {}),
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
  });
  if (options.json) io.out(JSON.stringify(report, null, 2));
  else for (const line of formatMessagePactReport(report)) io.out(line);
  return exitCodeForOutcome(!report.passed);
}

/** Registration of `pact verify-messages`. */
export const verifyMessagesCommand: CommandRegistration = {
  name: 'verify-messages',
  readsSpec: true,
  define(command) {
    command
      .description("verify a receiver's message pact from gridX's side: every message it expects must be producible under the spec")
      .requiredOption('--pact <file>', 'the message pact (V4 asynchronous messages) the receiver wrote')
      .addOption(numberOption('--runs', 'n', 'generated events per message to check the matching rules against', '100'))
      .addOption(numberOption('--seed', 'n', 'seed of the generated events', '1'))
      .option('--strict', 'fail on warnings too (fields the spec lets gridX omit, deprecated types…)')
      .addOption(jsonOption())
      .addHelpText('after', '\nExit 0 if every message is producible, 1 if any is not, 2 if the pact or spec cannot be used.');
  },
  run(parsed, io) {
    const o = parsed.opts<{ spec: string; pact: string; runs: number; seed: number; strict?: boolean; json?: boolean }>();
    return runVerifyMessages({ spec: o.spec, pact: o.pact, runs: o.runs, seed: o.seed, strict: o.strict === true, json: o.json === true }, io);
  },
};
