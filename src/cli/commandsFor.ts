import { HookproofError } from '../errors';
import type { CommandRegistration } from './command';

/**
 * Where each command's registration lives: its module below `./commands` and the name it is
 * exported as. Keep in step with COMMANDS (`src/cli/commands/index.ts`); a test loads every entry
 * and compares it with COMMANDS, so a wrong module or name fails there. A command missing here
 * still works, it just loads every command.
 */
const LAZY_MODULES: Readonly<Record<string, readonly [module: string, exported: string]>> = {
  certify: ['certify', 'certifyCommand'],
  replay: ['replay', 'replayCommand'],
  serve: ['serve', 'serveCommand'],
  listen: ['listen', 'listenCommand'],
  send: ['send', 'sendCommand'],
  demo: ['demo', 'demoCommand'],
  validate: ['validate', 'validateCommand'],
  'lint-spec': ['lintSpec', 'lintSpecCommand'],
  errata: ['errata', 'errataCommand'],
  types: ['types', 'typesCommand'],
  typegen: ['typegen', 'typegenCommand'],
  diff: ['diff', 'diffCommand'],
  vectors: ['vectors', 'vectorsCommand'],
  pact: ['pact', 'pactCommand'],
  recheck: ['recheck', 'recheckCommand'],
  report: ['reportVerify', 'reportCommand'],
  fleet: ['fleet', 'fleetCommand'],
};

/**
 * Each command's registration by name, loaded on demand (`require` on purpose: the build is
 * CommonJS, and a dynamic `import()` would be kept as an ES import that jest cannot follow). A run
 * names one command, so it loads only that command's modules: `hookproof types` never loads the
 * certification runner, undici or the Pact helpers.
 */
export const LAZY_COMMANDS: Readonly<Record<string, () => CommandRegistration>> = Object.fromEntries(
  Object.entries(LAZY_MODULES).map(([name, [module, exported]]) => [name, () => loadRegistration(module, exported)]),
);

function loadRegistration(module: string, exported: string): CommandRegistration {
  const registration = (require(`./commands/${module}`) as Partial<Record<string, CommandRegistration>>)[exported];
  if (registration === undefined) throw new HookproofError('INTERNAL', `src/cli/commands/${module} exports no ${exported} (LAZY_MODULES is out of step)`);
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
  return (require('./commands') as typeof import('./commands')).COMMANDS;
}
