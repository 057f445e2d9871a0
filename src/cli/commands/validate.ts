import type { CommandRegistration, CommonOptions } from '../command';
import { exitCodeForOutcome, type ExitCode } from '../exitCodes';
import { formatPointer } from '../formatPointer';
import { parseEvents, type EventEntry } from '../input/parseEvents';
import { readInput } from '../input/readInput';
import type { CliIO } from '../io';
import { jsonOption } from '../options';
import { buildCatalogue } from '../../schemas/catalogue';
import { createValidators, type EventValidators, type ValidationIssue } from '../../schemas/validators';
import { loadSpec } from '../../spec/loadSpec';

/** Typed options of `validate`. */
export interface ValidateOptions extends CommonOptions {
  /** A file path, or "-" for standard input. */
  readonly input: string;
  /** Validate every event as this type instead of by its own discriminator. */
  readonly type: string | undefined;
  readonly json: boolean;
}

/** The verdict on one entry of the input. */
export interface EntryResult {
  /** Position in a JSON array, or line number in NDJSON (1 for a single event). */
  readonly n: number;
  readonly type: string | undefined;
  readonly valid: boolean;
  readonly issues: readonly ValidationIssue[];
}

/**
 * `hookproof validate`: validates events (one JSON event, a JSON array, or NDJSON) against the spec.
 * Exit 0 if all are valid, 1 if any is not; unreadable input, an unknown --type or a bad spec throw.
 */
export async function runValidate(options: ValidateOptions, io: CliIO): Promise<ExitCode> {
  const catalogue = buildCatalogue(loadSpec(options.spec));
  if (options.type !== undefined) catalogue.get(options.type); // throws UnknownEventTypeError
  const { label, bytes } = await readInput(options.input, io);
  const entries = parseEvents(bytes.toString('utf8'), label);
  const validators = createValidators(catalogue);
  const results = entries.map((entry) => check(validators, entry, options.type));
  const invalid = results.filter((r) => !r.valid).length;
  if (options.json) {
    io.out(JSON.stringify({ input: label, valid: results.length - invalid, invalid, results }, null, 2));
  } else {
    for (const r of results) {
      if (r.valid) io.out(`ok  ${r.n}  ${r.type ?? '-'}`);
      for (const issue of r.issues) io.out(`invalid  ${r.n}  ${r.type ?? '-'}  ${formatPointer(issue.pointer)}: ${issue.message}`);
    }
    io.out(`${results.length - invalid} valid, ${invalid} invalid`);
  }
  return exitCodeForOutcome(invalid > 0);
}

function check(validators: EventValidators, entry: EventEntry, asType: string | undefined): EntryResult {
  if (entry.kind === 'unparsable') {
    return { n: entry.n, type: undefined, valid: false, issues: [{ pointer: '', keyword: 'json', message: entry.message }] };
  }
  const result = asType === undefined ? validators.validate(entry.event) : validators.validateAs(asType, entry.event);
  return { n: entry.n, type: result.type, valid: result.valid, issues: result.valid ? [] : result.issues };
}

/** Registration of `validate`. */
export const validateCommand: CommandRegistration = {
  name: 'validate',
  readsSpec: true,
  define(command) {
    command
      .description('validate events against the spec: one JSON event, a JSON array of events, or NDJSON')
      .argument('<file>', 'events file, or - for standard input')
      .option('--type <type>', 'validate every event as this event type (default: by its own "type")')
      .addOption(jsonOption())
      .addHelpText('after', '\nExit 0 if every event is valid, 1 if any is invalid, 2 if the input or spec cannot be read.');
  },
  run(parsed, io) {
    const opts = parsed.opts<{ spec: string; type?: string; json?: boolean }>();
    return runValidate({ spec: opts.spec, input: parsed.args[0] ?? '-', type: opts.type, json: opts.json === true }, io);
  },
};
