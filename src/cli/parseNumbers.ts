import { optionInRange, type RangedOption } from '../runner/optionRanges';

/**
 * Parses a whole-number option value within the option's documented range (OPTION_RANGES), with a
 * one-line error naming the option as typed (see `integerInRange` for what counts as a number).
 */
export function wholeNumber(option: RangedOption, value: string | undefined): number | undefined {
  return value === undefined ? undefined : optionInRange(option, value);
}
