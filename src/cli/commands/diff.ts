import { DIFF_DEFAULTS, diffSpecFiles, renderDiff } from '../../diff';
import type { CommandRegistration } from '../command';
import { exitCodeForOutcome, type ExitCode } from '../exitCodes';
import type { CliIO } from '../io';
import { jsonOption } from '../options';
import { numberOption } from '../numberOption';

/** Typed options of `diff`. */
export interface DiffCommandOptions {
  readonly oldSpec: string;
  readonly newSpec: string;
  readonly json: boolean;
  readonly runs?: number;
  readonly seed?: number;
  readonly empirical: boolean;
}

/**
 * `hookproof diff OLD NEW`: added and removed types and fields, the changes that break a receiver
 * or a sender, and the events that prove it. Exit 1 when anything breaks, 0 otherwise; an
 * unreadable or invalid spec throws (exit 2).
 */
// eslint-disable-next-line @typescript-eslint/require-await -- async on purpose: like every command it returns a promise, and a spec it cannot read rejects it instead of throwing synchronously
export async function runDiff(options: DiffCommandOptions, io: CliIO): Promise<ExitCode> {
  const diff = diffSpecFiles(options.oldSpec, options.newSpec, {
    empirical: options.empirical,
    ...(options.runs !== undefined ? { runs: options.runs } : {}),
    ...(options.seed !== undefined ? { seed: options.seed } : {}),
  });
  if (options.json) io.out(JSON.stringify(diff, null, 2));
  else for (const line of renderDiff(diff)) io.out(line);
  return exitCodeForOutcome(diff.breaking);
}

/** Registration of `diff`. */
export const diffCommand: CommandRegistration = {
  name: 'diff',
  define(command) {
    command
      .description('compare two spec versions: added/removed types and fields, and the changes that break receivers or senders, proved with generated events')
      .argument('<old>', 'the spec version receivers and senders are built for (YAML or JSON)')
      .argument('<new>', 'the new spec version')
      .addOption(jsonOption())
      .addOption(numberOption('--runs', 'n', `events generated per type and direction for the empirical proof (default ${DIFF_DEFAULTS.runs})`))
      .addOption(numberOption('--seed', 'n', `seed of the generated events (default ${DIFF_DEFAULTS.seed})`))
      .option('--no-empirical', 'compare the schemas only; generate no events')
      .addHelpText(
        'after',
        [
          '',
          'A change breaks receivers when NEW allows an event OLD did not (enum value added, field no longer',
          'required, type widened, format removed…), and senders when OLD allows an event NEW does not (field',
          'became required, enum value removed, type narrowed, format added, range narrowed…).',
          '',
          'Exit 0 if nothing breaks, 1 if a breaking change is found, 2 if a spec cannot be read.',
        ].join('\n'),
      );
  },
  run(parsed, io) {
    const opts = parsed.opts<{ json?: boolean; runs?: number; seed?: number; empirical: boolean }>();
    return runDiff(
      {
        oldSpec: parsed.args[0] ?? '',
        newSpec: parsed.args[1] ?? '',
        json: opts.json === true,
        empirical: opts.empirical,
        ...(opts.runs !== undefined ? { runs: opts.runs } : {}),
        ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
      },
      io,
    );
  },
};
