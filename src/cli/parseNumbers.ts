import { UsageError } from '../errors';
import { inRange, rangeMessage, type RangedOption } from '../optionRanges';

/**
 * Parses a whole-number option value within the option's documented range (OPTION_RANGES), with a
 * one-line error naming the option as typed. Digits only: `1e20`, `-1`, `0x10` and values past
 * 2^53 (which a JavaScript number would silently round) are refused, not reinterpreted.
 */
export function wholeNumber(option: RangedOption, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (!/^\d+$/.test(text) || !inRange(option, Number(text))) throw new UsageError(rangeMessage(option, value));
  return Number(text);
}
