import { UsageError } from './errors';

/** An inclusive range of whole numbers. */
export interface IntegerRange {
  readonly min: number;
  readonly max: number;
}

/**
 * hookproof's one integer validator, shared by the CLI, the runner and the delivery client: returns
 * `value` as a number when it is a whole number within `range`, and otherwise throws a UsageError
 * with the caller's own message (`message` gets the value as given), so each caller keeps its
 * wording. Text is read as decimal digits only, nothing around them: `1e3`, `-1`, `0x10`, `1.0`
 * and ` 5` are refused, not reinterpreted (a stray space is a quoting mistake worth seeing). Only safe integers count: past 2^53 a
 * JavaScript number is already rounded, so it is no longer the number that was written.
 */
export function integerInRange(value: number | string, range: IntegerRange, message: (got: string) => string): number {
  const number = typeof value === 'number' ? value : /^\d+$/.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(number) || number < range.min || number > range.max) throw new UsageError(message(String(value)));
  return number;
}
