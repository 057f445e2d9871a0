import { maskUrlCredentials } from '../redaction/maskUrlCredentials';
import type { RunOptions } from '../runner/runOptions';

/** One option of a command line as typed: a flag, a value, a list of values (repeated), or absent. */
export type InvocationValue = string | number | boolean | readonly string[] | undefined;

/** Options whose values are secrets: the flag is kept (it matters how many there were), the value never. */
const SECRET_VALUED = new Set(['--secret', '--broker-token', '--broker-password']);

/**
 * The command line of a run, secret-free, for a report's provenance: `[command, ...options]` in the
 * order given, `--secret` values as `<redacted>`, the password of every URL in it masked (whichever
 * argument holds it). Environment variable
 * NAMES (--secret-env, --sign-key-env) are kept: they say where a secret came from, not what it is.
 */
export function invocationOf(command: readonly string[], options: ReadonlyArray<readonly [string, InvocationValue]>): string[] {
  const line = command.map(maskUrlCredentials);
  for (const [flag, value] of options) {
    if (value === undefined || value === false) continue;
    if (value === true) {
      line.push(flag);
      continue;
    }
    const values = typeof value === 'string' || typeof value === 'number' ? [String(value)] : value;
    for (const one of values) line.push(flag, SECRET_VALUED.has(flag) ? '<redacted>' : maskUrlCredentials(one));
  }
  return line;
}

/** The run options certify and fleet share (RUN_OPTION_KEYS), as their flags, in the order help lists them. */
export function runOptionFlags(options: RunOptions): Array<readonly [string, InvocationValue]> {
  return [
    ['--checks', options.checks?.join(',')],
    ['--seed', options.seed],
    ['--runs', options.runs],
    ['--timeout-ms', options.timeoutMs],
    ['--max-event-bytes', options.maxEventBytes],
    ['--concurrency', options.concurrency],
  ];
}
