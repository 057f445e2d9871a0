import { CommanderError } from 'commander';
import { HookproofError, type HookproofErrorCode } from '../errors';

/**
 * hookproof's exit codes, as schemathesis has them: 0 everything passed, 1 a check, a validation or
 * the lint failed, 2 hookproof could not do its job (usage, configuration, unreadable input).
 */
export const EXIT = { pass: 0, fail: 1, error: 2 } as const;

/** 0, 1 or 2: what a command returns and the process exits with. */
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/**
 * Exit code per error code. A Record, so a new code in src/errors.ts does not compile until
 * someone decides here what it means for the exit status.
 */
const BY_ERROR_CODE: Readonly<Record<HookproofErrorCode, ExitCode>> = {
  USAGE: EXIT.error,
  SPEC_UNREADABLE: EXIT.error,
  SPEC_INVALID: EXIT.error,
  INPUT_UNREADABLE: EXIT.error,
  UNKNOWN_EVENT_TYPE: EXIT.error,
  UNKNOWN_CHECK: EXIT.error,
  TARGET_INVALID: EXIT.error,
  SECRET_MISSING: EXIT.error,
  REPORT_UNREADABLE: EXIT.error,
  DEPENDENCY_MISSING: EXIT.error,
  KEY_INVALID: EXIT.error,
  RECHECK_REFUSED: EXIT.error,
  PACT_CLI_UNAVAILABLE: EXIT.error,
  PACT_FILE_INVALID: EXIT.error,
  // The broker refused or failed: the publication or gate did not happen, which fails closed.
  BROKER_FAILED: EXIT.fail,
  CONTRACT_NOT_PORTABLE: EXIT.fail,
  // The verification did not finish: like a broker failure, the gate fails closed.
  DEADLINE_EXCEEDED: EXIT.fail,
  CHECKS_INVALID: EXIT.error,
  CLIENT_CLOSED: EXIT.error,
  OUTPUT_UNWRITABLE: EXIT.error,
  INTERNAL: EXIT.error,
};

/** The exit code of a finished run: 1 if anything failed, else 0. */
export function exitCodeForOutcome(failed: boolean): ExitCode {
  return failed ? EXIT.fail : EXIT.pass;
}

/**
 * The exit code for anything a command threw. Commander's help and version "errors" exit 0; its
 * usage errors, every HookproofError and unexpected errors exit 2.
 */
export function exitCodeForError(error: unknown): ExitCode {
  if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.pass : EXIT.error;
  if (error instanceof HookproofError) return BY_ERROR_CODE[error.code];
  return EXIT.error;
}
