import { Command } from 'commander';
import { UsageError } from '../errors';
import type { CommandRegistration } from './command';
import { refuseRepeatedOptions } from './singleUse';
import type { ExitCode } from './exitCodes';
import { writeLines, type CliIO } from './io';
import { specOption } from './options';
import { examplesHelp } from './helpExamples';
import { VERSION } from '../version';
import { addConfigOption, applyConfigFile } from './configOptions';

const EXIT_CODES_HELP = `
Exit codes:
  0  everything passed
  1  a check, a validation or the spec lint failed
  2  usage or configuration error (bad option, unreadable file, invalid spec)

Set HOOKPROOF_DEBUG=1 to print stack traces of internal errors.`;

/**
 * Builds the commander program with every registered command. Commander never exits the process
 * and never prints its own errors: both surface as a thrown CommanderError that `runCli` turns
 * into one stderr line and an exit code. Help and version text go to `io`.
 */
export function createProgram(commands: readonly CommandRegistration[], io: CliIO, onResult: (code: ExitCode) => void): Command {
  const program = new Command('hookproof')
    .description('Contract testing and conformance suite for gridX webhooks.')
    .version(VERSION, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'print help')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => writeLines(io.out, text),
      // Commander writes to stderr only the full help when no command is given; hookproof says
      // that in one line instead (see noCommand), so nothing else goes there.
      writeErr: () => undefined,
      outputError: () => undefined,
    })
    .showSuggestionAfterError(true)
    // Program options count only before the subcommand: `pact can-i-deploy --version V` is that
    // command's option, not hookproof's -V/--version (which would print 0.1.0 and exit 0: a
    // deployment gate that always passes).
    .enablePositionalOptions()
    .addHelpText('after', EXIT_CODES_HELP);
  noCommand(program, 'hookproof');
  applyConfigFile(program, io);
  for (const registration of commands) register(program, registration, io, onResult);
  return program;
}

/**
 * `hookproof` or `hookproof pact` with no command: one line naming `--help` and exit 2, instead of
 * the whole help on stderr. Commander reports that case as its "help" exit with code 1.
 */
function noCommand(command: Command, path: string): void {
  command.exitOverride((error) => {
    if (error.code === 'commander.help' && error.exitCode !== 0) {
      throw new UsageError(`no command given; run \`${path} --help\` to see the commands`);
    }
    throw error;
  });
}

/** Adds a command (or a group such as `pact` with its subcommands) under `parent`. */
function register(parent: Command, registration: CommandRegistration, io: CliIO, onResult: (code: ExitCode) => void): void {
  // parent.command() copies the settings above (exitOverride, output) to the subcommand.
  const command = parent.command(registration.name);
  if (registration.subcommands !== undefined) {
    noCommand(command, `hookproof ${registration.name}`);
    registration.define(command);
    for (const sub of registration.subcommands) register(command, sub, io, onResult);
    return;
  }
  if (registration.readsSpec === true) command.addOption(specOption());
  registration.define(command);
  if (parent.parent === null) addConfigOption(command);
  const path = parent.parent === null ? registration.name : `${parent.name()} ${registration.name}`;
  const examples = examplesHelp(path);
  if (examples !== '') command.addHelpText('after', examples);
  refuseRepeatedOptions(command);
  command.action(async () => {
    onResult(await registration.run(command, io));
  });
}
