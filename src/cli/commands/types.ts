import type { CommandRegistration, CommonOptions } from '../command';
import { EXIT, type ExitCode } from '../exitCodes';
import type { CliIO } from '../io';
import { jsonOption } from '../options';
import { buildCatalogue } from '../../schemas/catalogue';
import { loadSpec } from '../../spec/loadSpec';

/** Typed options of `types`. */
export interface TypesOptions extends CommonOptions {
  readonly json: boolean;
}

/** `hookproof types`: the spec's event types with their schema and field counts. */
// eslint-disable-next-line @typescript-eslint/require-await -- async on purpose: like every command it returns a promise, and a spec it cannot read rejects it instead of throwing synchronously
export async function runTypes(options: TypesOptions, io: CliIO): Promise<ExitCode> {
  const catalogue = buildCatalogue(loadSpec(options.spec));
  const rows = catalogue.types.map((t) => ({
    type: t.type,
    schemaName: t.schemaName,
    deprecated: t.deprecated,
    requiredFields: t.requiredPaths.length,
    optionalFields: t.optionalPaths.length,
  }));
  if (options.json) {
    io.out(JSON.stringify(rows, null, 2));
    return EXIT.pass;
  }
  const typeWidth = Math.max(...rows.map((r) => r.type.length));
  const schemaWidth = Math.max(...rows.map((r) => r.schemaName.length));
  for (const r of rows) {
    const counts = `${String(r.requiredFields).padStart(3)} required  ${String(r.optionalFields).padStart(3)} optional`;
    io.out(`${r.type.padEnd(typeWidth)}  ${r.schemaName.padEnd(schemaWidth)}  ${counts}${r.deprecated ? '  deprecated' : ''}`.trimEnd());
  }
  const deprecated = rows.filter((r) => r.deprecated).length;
  io.out(`${rows.length} event types (${deprecated} deprecated)`);
  return EXIT.pass;
}

/** Registration of `types`. */
export const typesCommand: CommandRegistration = {
  name: 'types',
  readsSpec: true,
  define(command) {
    command.description('list the event types of the spec, with schema name and field counts').addOption(jsonOption());
  },
  run(parsed, io) {
    const opts = parsed.opts<{ spec: string; json?: boolean }>();
    return runTypes({ spec: opts.spec, json: opts.json === true }, io);
  },
};
