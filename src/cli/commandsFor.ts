import type { CommandRegistration } from './command';

/**
 * Each command's registration by name, loaded on demand (`require` on purpose: the build is
 * CommonJS, and a dynamic `import()` would be kept as an ES import that jest cannot follow). A run names one command, so it loads
 * only that command's modules: `hookproof types` never loads the certification runner, undici or
 * the Pact helpers. Keep in step with COMMANDS (`src/cli/commands/index.ts`; a test compares them);
 * a command missing here still works, it just loads every command.
 */
export const LAZY_COMMANDS: Readonly<Record<string, () => CommandRegistration>> = {
  certify: () => (require('./commands/certify') as typeof import('./commands/certify')).certifyCommand,
  replay: () => (require('./commands/replay') as typeof import('./commands/replay')).replayCommand,
  serve: () => (require('./commands/serve') as typeof import('./commands/serve')).serveCommand,
  listen: () => (require('./commands/listen') as typeof import('./commands/listen')).listenCommand,
  send: () => (require('./commands/send') as typeof import('./commands/send')).sendCommand,
  demo: () => (require('./commands/demo') as typeof import('./commands/demo')).demoCommand,
  validate: () => (require('./commands/validate') as typeof import('./commands/validate')).validateCommand,
  'lint-spec': () => (require('./commands/lintSpec') as typeof import('./commands/lintSpec')).lintSpecCommand,
  errata: () => (require('./commands/errata') as typeof import('./commands/errata')).errataCommand,
  types: () => (require('./commands/types') as typeof import('./commands/types')).typesCommand,
  typegen: () => (require('./commands/typegen') as typeof import('./commands/typegen')).typegenCommand,
  diff: () => (require('./commands/diff') as typeof import('./commands/diff')).diffCommand,
  vectors: () => (require('./commands/vectors') as typeof import('./commands/vectors')).vectorsCommand,
  pact: () => (require('./commands/pact') as typeof import('./commands/pact')).pactCommand,
  recheck: () => (require('./commands/recheck') as typeof import('./commands/recheck')).recheckCommand,
  report: () => (require('./commands/reportVerify') as typeof import('./commands/reportVerify')).reportCommand,
  fleet: () => (require('./commands/fleet') as typeof import('./commands/fleet')).fleetCommand,
};

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
