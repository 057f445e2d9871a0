import { writeFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import { DEFAULT_SPEC_PATH } from '../../spec/defaultSpecPath';
import { OutputUnwritableError, UsageError } from '../../errors';
import { buildCatalogue } from '../../schemas/catalogue';
import { loadSpec } from '../../spec/loadSpec';
import { generateEventTypes } from '../../typegen';
import type { CommandRegistration, CommonOptions } from '../command';
import { EXIT, type ExitCode } from '../exitCodes';
import type { CliIO } from '../io';
import { writeLines } from '../io';
import { checkOutputFile } from '../outputPaths';

/** Typed options of `typegen`. */
export interface TypegenOptions extends CommonOptions {
  /** Where to write the module; undefined prints it. */
  readonly out: string | undefined;
  /** Only compare `out` with what would be generated: exit 1 when it differs. */
  readonly check: boolean;
}

/**
 * `hookproof typegen`: TypeScript definitions of the spec's event types (one interface per type,
 * the union `GridxEvent`, `GridxEventOf<'ev/plugged'>`), printed or written to `--out`.
 * With `--check`, exits 1 when `--out` is missing or stale, 0 when it is up to date.
 */
export async function runTypegen(options: TypegenOptions, io: CliIO): Promise<ExitCode> {
  if (options.check && options.out === undefined) throw new UsageError('--check needs --out FILE: the file to compare');
  const text = generateEventTypes(buildCatalogue(loadSpec(options.spec)), typegenCommandLine(options));
  if (options.out === undefined) {
    writeLines(io.out, text);
    return EXIT.pass;
  }
  const out = options.out;
  if (options.check) return checkOutputFile(out, text, io, (found) => io.out(`${out} is ${found}: regenerate it with hookproof typegen --out ${out}`));
  try {
    await writeFile(options.out, text);
  } catch (cause) {
    throw new OutputUnwritableError(options.out, cause);
  }
  io.out(`wrote ${options.out}`);
  return EXIT.pass;
}

/**
 * The command the generated header names: the user's own (paths relative to where they ran it,
 * the bundled spec left implicit), never hookproof's internal paths.
 */
export function typegenCommandLine(options: Pick<TypegenOptions, 'spec' | 'out'>, cwd: string = process.cwd()): string {
  const shown = (path: string): string => {
    const rel = relative(cwd, resolve(cwd, path));
    const display = rel === '' || rel.startsWith('..') || isAbsolute(rel) ? path : rel;
    return /^[\w@%+=:,./-]+$/.test(display) ? display : `'${display.replace(/'/g, `'\\''`)}'`;
  };
  const parts = ['npx --no-install hookproof typegen'];
  if (resolve(options.spec) !== resolve(DEFAULT_SPEC_PATH)) parts.push(`--spec ${shown(options.spec)}`);
  parts.push(options.out !== undefined ? `--out ${shown(options.out)}` : `> FILE.ts`);
  return parts.join(' ');
}

/** Registration of `typegen`. */
export const typegenCommand: CommandRegistration = {
  name: 'typegen',
  readsSpec: true,
  define(command) {
    command
      .description("generate TypeScript definitions of the event types (GridxEvent, GridxEventOf<'ev/plugged'>, …) from the spec")
      .option('--out <file>', 'write the module to this file (default: print it)')
      .option('--check', 'do not write: exit 1 if --out differs from what would be generated')
      .addHelpText('after', '\nExit 0 on success (or an up-to-date file with --check), 1 for a stale file with --check, 2 if the spec cannot be read.');
  },
  run(parsed, io) {
    const opts = parsed.opts<{ spec: string; out?: string; check?: boolean }>();
    return runTypegen({ spec: opts.spec, out: opts.out, check: opts.check === true }, io);
  },
};
