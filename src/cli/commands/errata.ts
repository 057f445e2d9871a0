import type { CommandRegistration, CommonOptions } from '../command';
import { EXIT, type ExitCode } from '../exitCodes';
import type { CliIO } from '../io';
import { jsonOption } from '../options';
import { ERRATA } from '../../spec/errata';
import { lintSpec } from '../../specLint/lintSpec';
import { loadSpec } from '../../spec/loadSpec';

/** Typed options of `errata`. */
export interface ErrataOptions extends CommonOptions {
  readonly json: boolean;
}

/** `hookproof errata`: the documented corrections, each with how many defects it corrects in the spec. */
// eslint-disable-next-line @typescript-eslint/require-await -- async on purpose: like every command it returns a promise, and a spec it cannot read rejects it instead of throwing synchronously
export async function runErrata(options: ErrataOptions, io: CliIO): Promise<ExitCode> {
  const { defects } = lintSpec(loadSpec(options.spec));
  const rows = ERRATA.map((erratum) => ({
    id: erratum.id,
    title: erratum.title,
    correction: erratum.correction,
    defectsInSpec: defects.filter((d) => d.erratum === erratum.id).length,
  }));
  if (options.json) {
    io.out(JSON.stringify(rows, null, 2));
    return EXIT.pass;
  }
  rows.forEach((row, i) => {
    if (i > 0) io.out('');
    io.out(`${row.id}  ${row.title}  (${row.defectsInSpec} in this spec)`);
    io.out(`    ${row.correction}`);
  });
  return EXIT.pass;
}

/** Registration of `errata`. */
export const errataCommand: CommandRegistration = {
  name: 'errata',
  readsSpec: true,
  define(command) {
    command.description('list the documented corrections hookproof applies to the spec').addOption(jsonOption());
  },
  run(parsed, io) {
    const opts = parsed.opts<{ spec: string; json?: boolean }>();
    return runErrata({ spec: opts.spec, json: opts.json === true }, io);
  },
};
