import { Option } from 'commander';
import { optionInRange, type RangedOption } from '../optionRanges';

/**
 * A whole-number option (`--runs <n>`), parsed by commander as it reads the command line, within
 * the option's documented range (OPTION_RANGES): a bad value is a one-line usage error (exit 2)
 * before any command runs, and the command reads a number. `defaultText` is the default as the
 * user would type it; commander never parses defaults, so it is parsed here, and help shows it as
 * it always has.
 */
export function numberOption(option: RangedOption, argument: string, description: string, defaultText?: string): Option {
  const parsed = new Option(`${option} <${argument}>`, description).argParser((value: string) => optionInRange(option, value));
  return defaultText === undefined ? parsed : parsed.default(optionInRange(option, defaultText), JSON.stringify(defaultText));
}
