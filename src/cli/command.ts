import type { Command } from 'commander';
import type { ExitCode } from './exitCodes';
import type { CliIO } from './io';

/** Options of the commands that read the spec: the program adds `--spec FILE` to those whose registration sets `readsSpec`. */
export interface CommonOptions {
  /** Path of the OpenAPI spec to read; DEFAULT_SPEC_PATH unless the user gives one. */
  readonly spec: string;
}

/**
 * One CLI command, as the program registers it. The command itself is a typed function
 * `(options, io) => Promise<ExitCode>` next to its registration; the registration only declares
 * the command line and turns what commander parsed into those typed options.
 *
 * To add a command: create `src/cli/commands/<name>.ts` exporting the function and a
 * registration, and append the registration to `COMMANDS` in `src/cli/commands/index.ts`.
 */
export interface CommandRegistration {
  /** The command's name on the command line, e.g. "lint-spec". */
  readonly name: string;
  /**
   * Adds description, arguments and options to the command, which the program has already
   * created with this name, the shared settings and, with `readsSpec`, the `--spec` option.
   */
  define(command: Command): void;
  /**
   * The command reads the OpenAPI spec, so it takes `--spec FILE` (its options extend
   * CommonOptions). Commands that do not read it do not offer it: an option that does nothing
   * would let a user believe it did something.
   */
  readonly readsSpec?: true;
  /** Reads the parsed arguments and options from `parsed`, runs the command, returns its exit code. */
  run(parsed: Command, io: CliIO): Promise<ExitCode>;
  /**
   * For a command group (`hookproof pact …`): its subcommands. A group's own `run` is never
   * called; `define` only describes the group.
   */
  readonly subcommands?: readonly CommandRegistration[];
}
