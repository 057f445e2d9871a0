import { Option } from 'commander';
import { randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createDeliveryClient, deliverWithRetries, type DeliveryRequest, type DeliveryResult } from '../../delivery';
import { createEngine } from '../../engine';
import { InputUnreadableError, UsageError } from '../../errors';
import { maskUrlCredentials, redactSecrets, terminalSafe } from '../../reports';
import { validateSecrets, validateTarget } from '../../runner/validateTarget';
import { answerLines, eventBody, generateEvent, parseAssignment, refuseUnknownPaths, requestLines, signedDelivery, type EventSource } from '../../sender';
import type { CommandRegistration, CommonOptions } from '../command';
import { EXIT, exitCodeForOutcome, type ExitCode } from '../exitCodes';
import type { CliIO } from '../io';
import { numberOption } from '../numberOption';
import { collect } from '../collect';
import { resolveSecrets, type SecretSources } from '../secrets';
import { addSecretOptions } from '../options';
import { headerOption } from '../headerOption';
import { gridx } from '../../contract/gridx';
import { MAX_DRAWN_SEED } from '../../optionRanges';

/** Typed options of `send`. */
export interface SendCommandOptions extends CommonOptions, SecretSources {
  readonly url: string;
  /** Generate an event of this type (or, with `file`, the type the file's event must have). */
  readonly type?: string;
  /** Send the event in this file (`-` for standard input), byte for byte unless `set` changes it. */
  readonly file?: string;
  /** `path=value` assignments, applied in order. */
  readonly set?: readonly string[];
  /** `-H 'Name: value'`: headers added to the delivery. */
  readonly header?: Readonly<Record<string, string>>;
  readonly seed?: number;
  readonly retry: boolean;
  readonly retryBaseMs?: number;
  readonly dryRun: boolean;
  readonly allowHttp: boolean;
  readonly allowInvalid: boolean;
  readonly timeoutMs?: number;
}

/**
 * `hookproof send`: builds one event (generated from a seed, or read from a file, then `--set`),
 * signs the exact bytes, prints the request, sends it (with gridX's retry policy under `--retry`)
 * and prints each answer with gridX's classification. Exit 0 when the final answer is a success,
 * 1 otherwise; `--dry-run` prints the request and exits 0.
 */
export async function runSend(options: SendCommandOptions, io: CliIO): Promise<ExitCode> {
  const url = validateTarget(options.url, options.allowHttp);
  const secrets = validateSecrets(resolveSecrets(options, io.env ?? process.env));
  if (options.retryBaseMs !== undefined && !options.retry) throw new UsageError('--retry-base-ms needs --retry');
  const assignments = (options.set ?? []).map(parseAssignment);
  const engine = createEngine({ specPath: options.spec });
  // The answer body is the receiver's: escaped so it cannot drive the terminal.
  const print = (line: string): void => io.out(terminalSafe(maskUrlCredentials(redactSecrets(line, secrets))));

  const source = await eventSource(options, io, engine.catalogue, print);
  const body = eventBody(source, assignments);
  const validation = engine.validators.validateBytes(body);
  const eventType = engine.catalogue.types.find((t) => t.type === (validation.type ?? options.type));
  if (eventType !== undefined && !options.allowInvalid) refuseUnknownPaths(eventType, assignments);
  if (options.type !== undefined && validation.type !== undefined && validation.type !== options.type) {
    throw new UsageError(`the event has type "${validation.type}", not "${options.type}" as --type says`);
  }
  if (!validation.valid) {
    const [first, ...rest] = validation.issues;
    const issue = `${first?.message ?? 'invalid'}${rest.length > 0 ? ` (+${rest.length} more)` : ''}`;
    if (!options.allowInvalid) throw new UsageError(`the event is not valid: ${issue}; fix it, or pass --allow-invalid to send it anyway`);
    print(`# warning: sending an invalid event (--allow-invalid): ${issue}`);
  }

  const request = signedDelivery(url, body, secrets, engine.catalogue.signatureHeader.name);
  requestLines(request).forEach(print);
  if (options.dryRun) {
    print('# dry run: nothing sent');
    return EXIT.pass;
  }
  const final = await deliver(request, options, print);
  print(`final   ${final.outcome === 'success' ? 'success' : `not delivered (${final.outcome})`}`);
  return exitCodeForOutcome(final.outcome !== 'success');
}

async function eventSource(options: SendCommandOptions, io: CliIO, catalogue: ReturnType<typeof createEngine>['catalogue'], print: (line: string) => void): Promise<EventSource> {
  if (options.file !== undefined) {
    if (options.seed !== undefined) throw new UsageError('--seed generates an event; it cannot be used with --file');
    return { bytes: await readSource(options.file, io), path: options.file };
  }
  if (options.type === undefined) throw new UsageError('give --type TYPE to generate an event, or --file FILE to send one');
  const eventType = catalogue.get(options.type);
  const seed = options.seed ?? randomInt(0, MAX_DRAWN_SEED);
  print(`# generated ${eventType.type} with seed ${seed} (--seed ${seed} generates the same event)`);
  return { event: generateEvent(eventType, seed) };
}

async function readSource(file: string, io: CliIO): Promise<Buffer> {
  if (file === '-') return io.stdin();
  try {
    return readFileSync(file);
  } catch (cause) {
    throw new InputUnreadableError(file, cause);
  }
}

/** One attempt, or gridX's retry policy, printing every answer as it comes. */
async function deliver(request: DeliveryRequest, options: SendCommandOptions, print: (line: string) => void): Promise<DeliveryResult> {
  const client = createDeliveryClient({
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.header !== undefined ? { extraHeaders: options.header } : {}),
  });
  try {
    if (!options.retry) {
      const result = await client.send(request);
      answerLines(result).forEach(print);
      return result;
    }
    let attempt = 0;
    let lastAnswerAt: number | undefined;
    const printing = {
      send: async (r: DeliveryRequest): Promise<DeliveryResult> => {
        attempt += 1;
        const waited = lastAnswerAt === undefined ? '' : `, ${Math.round(performance.now() - lastAnswerAt)} ms after the previous answer`;
        print(`attempt ${attempt}${waited}`);
        const result = await client.send(r);
        lastAnswerAt = performance.now();
        answerLines(result).forEach((line) => print(`  ${line}`));
        return result;
      },
    };
    const { final, attempts } = await deliverWithRetries(printing, request, options.retryBaseMs !== undefined ? { baseDelayMs: options.retryBaseMs } : {});
    print(`retries ${attempts.length - 1} (gridX's policy: up to ${gridx.retry.retries}, exponential backoff from ${options.retryBaseMs ?? gridx.retry.baseDelayMs} ms)`);
    return final;
  } finally {
    await client.close();
  }
}

/** Registration of `send`. */
export const sendCommand: CommandRegistration = {
  name: 'send',
  readsSpec: true,
  define(command) {
    addSecretOptions(
      command.description('send one signed event (generated or from a file) and show the answer as gridX classifies it').requiredOption('--url <url>', 'the receiver URL'),
      'sign with this secret (repeat for a rotation: one digest each); prefer --secret-env',
    )
      .option('--type <type>', 'generate a valid event of this type (with --file: the type it must have)')
      .option('--file <file>', 'send the event in this JSON file (- for stdin), byte for byte unless --set changes it')
      .addOption(new Option('--set <path=value>', 'change a field, e.g. data.state=UNPLUGGED (value parsed as JSON when it parses); repeatable').argParser(collect))
      .addOption(numberOption('--seed', 'n', 'seed of the generated event: the same seed gives the same event'))
      .option('--retry', `follow gridX's retry policy: up to ${gridx.retry.retries} retries of transient answers, exponential backoff`, false)
      .addOption(numberOption('--retry-base-ms', 'n', `first retry delay in ms with --retry (default ${gridx.retry.baseDelayMs}, gridX-like)`))
      .option('--dry-run', 'print the exact request (bytes and headers) without sending it', false)
      .option('--allow-http', 'allow a plain http:// URL (local or staging)', false)
      .option('--allow-invalid', 'send the event even if it does not validate against the spec', false)
      .addOption(numberOption('--timeout-ms', 'n', `per-attempt timeout in ms (default ${gridx.deadlineMs}, as gridX)`))
      .addOption(headerOption());
  },
  run(parsed, io) {
    // Commander leaves out the options not given (optional means absent), and the flags are named after the fields.
    return runSend(parsed.opts<SendCommandOptions>(), io);
  },
};
