import { checkOutputFile, writeOutputFile } from '../outputPaths';
import { createEngine } from '../../engine';
import { anyEventArbitrary } from '../../arbitraries';
import { signatureVectorsJson } from '../../signing/signatureVectorsJson';
import type { CommandRegistration, CommonOptions } from '../command';
import { EXIT, type ExitCode } from '../exitCodes';
import type { CliIO } from '../io';

export interface VectorsOptions extends CommonOptions {
  /** Write to this file (default: standard output). */
  readonly out?: string;
  /** Compare with `out` instead of writing; exit 1 if it is stale. */
  readonly check: boolean;
}

/** `hookproof vectors`: the signature test vectors for partners (contracts/signature-vectors.json). */
export async function runVectors(options: VectorsOptions, io: CliIO): Promise<ExitCode> {
  const text = signatureVectorsJson(anyEventArbitrary(createEngine({ specPath: options.spec }).catalogue));
  if (options.out === undefined) {
    io.out(text.replace(/\n$/, ''));
    return EXIT.pass;
  }
  const out = options.out;
  if (options.check) return checkOutputFile(out, text, io, () => io.err(`${out} is stale: run npm run vectors`));
  await writeOutputFile(options.out, text);
  io.out(`wrote ${options.out}`);
  return EXIT.pass;
}

export const vectorsCommand: CommandRegistration = {
  name: 'vectors',
  readsSpec: true,
  define(command) {
    command
      .description('write the language-neutral signature test vectors (secret, body, header, expected verdict)')
      .option('--out <file>', 'file to write (default: standard output)')
      .option('--check', 'compare with --out instead of writing; exit 1 if stale', false);
  },
  run(parsed, io) {
    const o = parsed.opts<{ spec: string; out?: string; check: boolean }>();
    return runVectors({ spec: o.spec, check: o.check, ...(o.out !== undefined ? { out: o.out } : {}) }, io);
  },
};
