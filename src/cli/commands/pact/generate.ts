import { Option } from 'commander';
import { checkOutputFile, prepareOutputDir, writeOutputFile } from '../../outputPaths';
import { createEngine } from '../../../engine';
import { UsageError } from '../../../errors';
import { buildHttpPact, DEFAULT_CONSUMER, DEFAULT_PATH } from '../../../pact/http/buildHttpPact';
import { httpPactJson, httpPactPath } from '../../../pact/http/httpPactJson';
import type { ContractVariant } from '../../../pact/http/HttpPact';
import type { CommandRegistration, CommonOptions } from '../../command';
import { EXIT, type ExitCode } from '../../exitCodes';
import type { CliIO } from '../../io';
import { collect } from '../../collect';
import { nameList } from '../../nameList';

/** Typed options of `pact generate`. */
export interface PactGenerateOptions extends CommonOptions {
  readonly provider: string;
  readonly consumer: string;
  readonly path: string;
  readonly types?: readonly string[];
  readonly includeDeprecated: boolean;
  /** Directory the pact file goes to. */
  readonly out: string;
  /** Compare with the file instead of writing it; exit 1 if it differs. */
  readonly check: boolean;
  /** `pact-js`: the variant without SIG-8, for pact-js's Verifier (default `all`). */
  readonly for?: ContractVariant;
}

/** `hookproof pact generate`: writes the HTTP contract (a Pact V4 file) for one receiver. */
export async function runPactGenerate(options: PactGenerateOptions, io: CliIO): Promise<ExitCode> {
  const { catalogue } = createEngine({ specPath: options.spec });
  const pact = buildHttpPact(catalogue, {
    provider: options.provider,
    consumer: options.consumer,
    path: options.path,
    includeDeprecated: options.includeDeprecated,
    ...(options.types !== undefined ? { types: options.types } : {}),
    ...(options.for !== undefined ? { for: options.for } : {}),
  });
  const text = httpPactJson(pact);
  const file = httpPactPath(pact, options.out);
  if (options.check) return checkOutputFile(file, text, io, () => io.err(`${file} is stale: regenerate it with the same options, without --check`));
  await prepareOutputDir(options.out);
  await writeOutputFile(file, text);
  io.out(`wrote ${file} (${pact.interactions.length} interactions)`);
  if (options.for === 'pact-js') {
    io.out(
      "note: without SIG-8 (an event in an unusual layout, signed over its exact bytes): pact-js's Verifier re-serialises request bodies and cannot send it; the full contract with the stock Pact CLI verifier or hookproof pact verify checks it",
    );
  }
  return EXIT.pass;
}

export const pactGenerateCommand: CommandRegistration = {
  name: 'generate',
  readsSpec: true,
  define(command) {
    command
      .description('write the HTTP contract between gridX (consumer) and a receiver (provider) as a Pact V4 file')
      .requiredOption('--provider <name>', "the receiver's name in the Pact Broker")
      .option('--consumer <name>', "gridX's name in the Pact Broker", DEFAULT_CONSUMER)
      .option('--path <path>', 'path (and query) gridX posts to, exactly as registered', DEFAULT_PATH)
      .addOption(new Option('--types <types>', 'only these event types, comma-separated (deprecated ones too when named)').argParser(collect))
      .option('--include-deprecated', 'also the deprecated types (EVT-5: accepted, or refused with a 4xx gridX does not retry)', false)
      .option('--out <dir>', 'directory to write <consumer>-<provider>.json to', 'contracts')
      .option('--check', 'compare with the existing file instead of writing; exit 1 if it is stale', false)
      .addOption(new Option('--for <verifier>', "pact-js: a variant without SIG-8, which pact-js's Verifier cannot send byte for byte").choices(['all', 'pact-js']).default('all'));
  },
  run(parsed, io) {
    const o = parsed.opts<{
      spec: string;
      provider: string;
      consumer: string;
      path: string;
      types?: string[];
      includeDeprecated: boolean;
      out: string;
      check: boolean;
      for: ContractVariant;
    }>();
    const types = nameList(o.types);
    if (o.types !== undefined && types === undefined) throw new UsageError('--types names no event type');
    return runPactGenerate(
      {
        spec: o.spec,
        provider: o.provider,
        consumer: o.consumer,
        path: o.path,
        includeDeprecated: o.includeDeprecated,
        out: o.out,
        check: o.check,
        ...(o.for !== 'all' ? { for: o.for } : {}),
        ...(types !== undefined ? { types } : {}),
      },
      io,
    );
  },
};
