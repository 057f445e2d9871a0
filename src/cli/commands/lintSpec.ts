import type { CommandRegistration, CommonOptions } from '../command';
import { exitCodeForOutcome, type ExitCode } from '../exitCodes';
import { formatPointer } from '../formatPointer';
import type { CliIO } from '../io';
import { jsonOption } from '../options';
import { lintSpec } from '../../specLint/lintSpec';
import { loadSpec } from '../../spec/loadSpec';

/** Typed options of `lint-spec`. */
export interface LintSpecOptions extends CommonOptions {
  readonly json: boolean;
}

/**
 * `hookproof lint-spec`: lists the spec's defects, those an erratum corrects and those it cannot.
 * Exit 0 when every defect is handled, 1 when any is not; an unreadable or invalid spec throws.
 */
// eslint-disable-next-line @typescript-eslint/require-await -- async on purpose: like every command it returns a promise, and a spec it cannot read rejects it instead of throwing synchronously
export async function runLintSpec(options: LintSpecOptions, io: CliIO): Promise<ExitCode> {
  const spec = loadSpec(options.spec);
  const report = lintSpec(spec);
  if (options.json) {
    io.out(JSON.stringify(report, null, 2));
  } else {
    for (const d of report.defects) io.out(`handled  ${d.erratum ?? '-'}  ${formatPointer(d.pointer)}  ${d.message}`);
    for (const d of report.unhandled) io.out(`UNHANDLED  ${d.code}  ${formatPointer(d.pointer)}  ${d.message}`);
    const total = report.defects.length + report.unhandled.length;
    io.out(`${spec.path}: ${plural(total, 'defect')}, ${report.defects.length} handled by errata, ${report.unhandled.length} unhandled`);
  }
  return exitCodeForOutcome(report.unhandled.length > 0);
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** Registration of `lint-spec`. */
export const lintSpecCommand: CommandRegistration = {
  name: 'lint-spec',
  readsSpec: true,
  define(command) {
    command
      .description("report the spec's defects: those hookproof corrects (errata) and those it cannot")
      .addOption(jsonOption())
      .addHelpText('after', '\nExit 0 if every defect is handled by an erratum, 1 if any is not, 2 if the spec cannot be read.');
  },
  run(parsed, io) {
    const opts = parsed.opts<{ spec: string; json?: boolean }>();
    return runLintSpec({ spec: opts.spec, json: opts.json === true }, io);
  },
};
