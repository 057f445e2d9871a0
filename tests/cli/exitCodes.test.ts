import { CommanderError } from 'commander';
import { HookproofError, InputUnreadableError, SpecInvalidError, UsageError, type HookproofErrorCode } from '../../src/errors';
import { EXIT, exitCodeForError, exitCodeForOutcome } from '../../src/cli/exitCodes';

describe('exit codes', () => {
  it('maps outcomes to 0 and 1', () => {
    expect(exitCodeForOutcome(false)).toBe(0);
    expect(exitCodeForOutcome(true)).toBe(1);
  });

  it.each<HookproofErrorCode>([
    'USAGE',
    'SPEC_UNREADABLE',
    'SPEC_INVALID',
    'INPUT_UNREADABLE',
    'UNKNOWN_EVENT_TYPE',
    'UNKNOWN_CHECK',
    'TARGET_INVALID',
    'SECRET_MISSING',
    'REPORT_UNREADABLE',
    'KEY_INVALID',
    'RECHECK_REFUSED',
    'PACT_CLI_UNAVAILABLE',
    'PACT_FILE_INVALID',
    'CHECKS_INVALID',
    'CLIENT_CLOSED',
    'OUTPUT_UNWRITABLE',
    'INTERNAL',
  ])('maps HookproofError %s to 2', (code) => {
    expect(exitCodeForError(new HookproofError(code, 'x'))).toBe(EXIT.error);
  });

  it.each<HookproofErrorCode>(['BROKER_FAILED', 'CONTRACT_NOT_PORTABLE', 'DEADLINE_EXCEEDED'])('maps HookproofError %s to 1: the publication or gate did not happen', (code) => {
    expect(exitCodeForError(new HookproofError(code, 'x'))).toBe(EXIT.fail);
  });

  it('maps subclasses, unexpected errors and commander usage errors to 2', () => {
    expect(exitCodeForError(new UsageError('x'))).toBe(2);
    expect(exitCodeForError(new SpecInvalidError('s.yaml', 'x'))).toBe(2);
    expect(exitCodeForError(new InputUnreadableError('e.json', new Error('boom')))).toBe(2);
    expect(exitCodeForError(new TypeError('bug'))).toBe(2);
    expect(exitCodeForError('a string')).toBe(2);
    expect(exitCodeForError(new CommanderError(1, 'commander.unknownOption', "error: unknown option '--x'"))).toBe(2);
  });

  it('maps commander help and version to 0', () => {
    expect(exitCodeForError(new CommanderError(0, 'commander.helpDisplayed', '(outputHelp)'))).toBe(0);
    expect(exitCodeForError(new CommanderError(0, 'commander.version', '0.1.0'))).toBe(0);
  });
});
