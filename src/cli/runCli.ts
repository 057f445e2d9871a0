import type { CommandRegistration } from './command';
import { commandsFor, LAZY_COMMANDS } from './commandsFor';
import { errorLines } from './errorLines';
import { EXIT, exitCodeForError, type ExitCode } from './exitCodes';
import { terminalSafeIO, type CliIO } from './io';
import { createProgram } from './program';
import { withUsageHint } from './usageHint';

/** How to run the CLI; the defaults are what bin/hookproof.js uses. */
export interface RunCliOptions {
  /** Print stack traces (HOOKPROOF_DEBUG). */
  readonly debug?: boolean;
  /** The commands to offer; by default hookproof's, loading only those the arguments need. */
  readonly commands?: readonly CommandRegistration[];
}

/**
 * Runs hookproof with the given arguments (without `node` and the script) and returns the exit
 * code. Never throws and never exits: every error becomes one line on `io.err` and exit code 2.
 * Everything written goes through the one terminal-safe writer (see `terminalSafeIO`).
 */
export async function runCli(argv: readonly string[], given: CliIO, options: RunCliOptions = {}): Promise<ExitCode> {
  const io = terminalSafeIO(given);
  let code: ExitCode = EXIT.pass;
  try {
    const words = withoutHelpOfUnknownCommand(argv, options.commands);
    const program = createProgram(options.commands ?? commandsFor(words), io, (result) => {
      code = result;
    });
    await program.parseAsync([...words], { from: 'user' });
    return code;
  } catch (error) {
    const hinted = withUsageHint(error, argv);
    for (const line of errorLines(hinted, options.debug === true)) io.err(line);
    return exitCodeForError(hinted);
  }
}

/**
 * `hookproof certfy --help`: commander would print the global help and exit 0, so a typo in a
 * script passes. For an unknown first word the help flags are dropped, so that commander reports
 * the unknown command, with its suggestion, and exit 2.
 */
function withoutHelpOfUnknownCommand(argv: readonly string[], commands: readonly CommandRegistration[] | undefined): readonly string[] {
  const first = argv[0];
  if (first === undefined || first.startsWith('-') || first === 'help') return argv;
  const known = commands !== undefined ? commands.map((c) => c.name) : Object.keys(LAZY_COMMANDS);
  if (known.includes(first)) return argv;
  return argv.filter((word) => word !== '--help' && word !== '-h');
}
