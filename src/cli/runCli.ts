import type { CommandRegistration } from './command';
import { commandsFor } from './commandsFor';
import { errorLines } from './errorLines';
import { EXIT, exitCodeForError, type ExitCode } from './exitCodes';
import { terminalSafeIO, type CliIO } from './io';
import { createProgram } from './program';

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
    const program = createProgram(options.commands ?? commandsFor(argv), io, (result) => {
      code = result;
    });
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    for (const line of errorLines(error, options.debug === true)) io.err(line);
    return exitCodeForError(error);
  }
}
