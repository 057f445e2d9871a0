import type { Command } from 'commander';
import { UsageError } from '../errors';
import { isCollector } from './collect';

/**
 * Makes every single-value option of `command` refuse a second occurrence (`--url A --url B`):
 * commander keeps the last one silently, and a certification of the wrong receiver is worse than
 * a one-line error. Repeatable options (those collecting a list) and flags are left alone.
 */
export function refuseRepeatedOptions(command: Command): void {
  const seen = new Set<string>();
  for (const option of command.options) {
    const takesValue = option.required || option.optional;
    if (!takesValue || isCollector(option.parseArg)) continue;
    const typed = option.long ?? option.short ?? option.name();
    command.on(`option:${option.name()}`, () => {
      if (seen.has(typed)) throw new UsageError(`${typed} was given more than once; give it once (only repeatable options such as --secret-env take several)`);
      seen.add(typed);
    });
  }
}
