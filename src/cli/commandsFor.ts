import { InternalError } from '../errors';
import type { CommandRegistration } from './command';

/**
 * The commands that load lazily, in COMMANDS order (`src/cli/commands/index.ts`: keep in step; a
 * test loads every one and compares it with COMMANDS, so a wrong name fails there). Each is
 * exported as `<name in camelCase>Command` from `./commands/<name in camelCase>`, unless
 * MODULE_OF names another module. A command missing here still works, it just loads every command.
 */
const LAZY_NAMES = [
  'certify',
  'replay',
  'serve',
  'listen',
  'send',
  'demo',
  'validate',
  'lint-spec',
  'errata',
  'types',
  'typegen',
  'diff',
  'vectors',
  'pact',
  'recheck',
  'report',
  'fleet',
  'capacity',
  'init',
] as const;
const MODULE_OF: Readonly<Partial<Record<(typeof LAZY_NAMES)[number], string>>> = { report: 'reportVerify' };

/**
 * Each command's registration by name, loaded on demand (`require` on purpose: the build is
 * CommonJS, and a dynamic `import()` would be kept as an ES import that jest cannot follow). A run
 * names one command, so it loads only that command's modules: `hookproof types` never loads the
 * certification runner, undici or the Pact helpers.
 */
export const LAZY_COMMANDS: Readonly<Record<string, () => CommandRegistration>> = Object.fromEntries(
  LAZY_NAMES.map((name) => [name, () => loadRegistration(MODULE_OF[name] ?? camelCase(name), `${camelCase(name)}Command`)]),
);

function camelCase(name: string): string {
  return name.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase());
}

function loadRegistration(module: string, exported: string): CommandRegistration {
  const registration = (loadCommandModule(module) as Partial<Record<string, CommandRegistration>>)[exported];
  if (registration === undefined) throw new InternalError(`src/cli/commands/${module} exports no ${exported} (see LAZY_NAMES)`);
  return registration;
}

/**
 * The commands a run with these arguments needs: none for `--version`, the named command alone
 * when the first argument names one, and all of them otherwise (help, suggestions for a mistyped
 * command, program-level errors), which is what commander needs to answer those.
 */
export function commandsFor(argv: readonly string[]): readonly CommandRegistration[] {
  const first = argv[0];
  if (argv.length === 1 && (first === '-V' || first === '--version')) return [];
  const load = first === undefined || !Object.hasOwn(LAZY_COMMANDS, first) ? undefined : LAZY_COMMANDS[first];
  if (load !== undefined) return [load()];
  return (loadCommandModule('index') as typeof import('./commands')).COMMANDS;
}

/**
 * The one place that loads a module of `src/cli/commands/` on demand. A synchronous `require` on
 * purpose (see LAZY_COMMANDS): `import()` would make every run asynchronous before commander
 * starts and would stay an ES import in the CommonJS build, which jest cannot follow.
 */
function loadCommandModule(module: string): unknown {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy on purpose, so a run loads only the command it names (see above); the build is CommonJS
  return require(`./commands/${module}`);
}
