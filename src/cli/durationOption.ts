import { Option } from 'commander';
import { parseDuration, type DurationOption } from './parseDuration';

/**
 * A duration option (`--for <duration>`), parsed by commander as it reads the command line, within
 * the option's range (OPTION_RANGES), like {@link numberOption}: a bad value is a one-line usage
 * error (exit 2) before the command runs, and the command reads milliseconds.
 */
export function durationOption(option: DurationOption, description: string): Option {
  return new Option(`${option} <duration>`, description).argParser((value: string) => parseDuration(option, value));
}
