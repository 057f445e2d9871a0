import type { EventEmitter } from 'node:events';
import type { Command, Option } from 'commander';
import { configSections, findConfigFile, readConfigFile, settingsFor, type ConfigValue } from '../config/configFile';
import { headersFromFile } from '../config/headerLine';
import { HookproofError, UsageError } from '../errors';
import { isCollector } from './collect';
import type { CliIO } from './io';

/** `--config FILE` for the commands a config file has a section for. */
export function addConfigOption(command: Command): void {
  if (configSections().includes(command.name()))
    command.option('--config <file>', 'read settings from this file (default: ./hookproof.config.yaml or .json if there); flags override it');
}

/**
 * Before a command with a config section parses its own flags: its settings from `--config FILE`
 * (or hookproof.config.yaml|yml|json in the working directory), set as the options' values with
 * source "config". A flag given on the command line replaces the file's value (for a repeatable
 * option too: the file's list is dropped, not extended).
 */
export function applyConfigFile(program: Command, io: CliIO): void {
  program.hook('preSubcommand', (parent, command) => {
    if (!configSections().includes(command.name())) return;
    const words = parent.args;
    const path = explicitConfig(words) ?? findConfigFile(process.cwd());
    if (path === undefined) return;
    const config = readConfigFile(path);
    for (const [key, value] of Object.entries(settingsFor(config, command.name()))) {
      if (key === 'headers') {
        set(command, optionOf(command, 'header'), headersFromFile(value as readonly string[], io.env ?? process.env, path));
        continue;
      }
      const option = optionOf(command, key);
      set(command, option, valueFor(option, value, `${path}: ${command.name()}.${key}`));
    }
  });
}

function explicitConfig(words: readonly string[]): string | undefined {
  for (let i = 0; i < words.length; i += 1) {
    const word = words[i] ?? '';
    if (word === '--') return undefined;
    if (word.startsWith('--config=')) return word.slice('--config='.length);
    if (word === '--config') {
      const path = words[i + 1];
      if (path === undefined || path.startsWith('-')) throw new UsageError('--config needs the path of a hookproof.config.yaml or .json');
      return path;
    }
  }
  return undefined;
}

function optionOf(command: Command, key: string): Option {
  const option = command.options.find((o) => o.attributeName() === key);
  // The schema and the commands are held together by a test; a miss here is hookproof's bug.
  if (option === undefined) throw new HookproofError('INTERNAL', `the config key ${command.name()}.${key} has no option`);
  return option;
}

/** The option's value from the file's, through the option's own parser (same checks as the flag). */
function valueFor(option: Option, value: ConfigValue, where: string): unknown {
  if (!option.required && !option.optional) return value;
  const parse = option.parseArg as ((text: string, previous: unknown) => unknown) | undefined;
  const items = Array.isArray(value) ? value.map(String) : [String(value)];
  try {
    if (parse === undefined) return items.join(',');
    if (isCollector(parse)) return items.reduce<unknown>((previous, item) => parse(item, previous), undefined);
    return parse(items.join(','), undefined);
  } catch (error) {
    const message = error instanceof Error ? error.message.replace(/^(hookproof: |error: )/, '') : String(error);
    throw new UsageError(`${where}: ${message}`);
  }
}

function set(command: Command, option: Option, value: unknown): void {
  const key = option.attributeName();
  command.setOptionValueWithSource(key, value, 'config');
  // A flag on the command line wins: the file's value is dropped before commander reads the
  // flag's (a repeatable option would otherwise append to the file's list).
  (command as unknown as EventEmitter).prependListener(`option:${option.name()}`, () => {
    if (command.getOptionValueSource(key) === 'config') command.setOptionValueWithSource(key, undefined, 'default');
  });
}
