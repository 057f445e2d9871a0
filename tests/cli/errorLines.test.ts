import { CommanderError } from 'commander';
import { InputUnreadableError, SpecUnreadableError } from '../../src/errors';
import { errorLines } from '../../src/cli/errorLines';

describe('errorLines', () => {
  it('prints a HookproofError as one line without a stack', () => {
    const enoent = Object.assign(new Error("ENOENT: no such file or directory, open 'x.json'"), { code: 'ENOENT' });
    expect(errorLines(new InputUnreadableError('x.json', enoent), false)).toEqual(['hookproof: cannot read x.json: ENOENT: no such file or directory']);
  });

  it('prints an unexpected error as one internal-error line with the debug hint', () => {
    expect(errorLines(new TypeError('x is undefined'), false)).toEqual(['hookproof: internal error: x is undefined (set HOOKPROOF_DEBUG=1 for the stack)']);
  });

  it('adds the stack, and the causes, in debug mode', () => {
    const lines = errorLines(new SpecUnreadableError('s.yaml', new Error('disk on fire')), true);
    expect(lines[0]).toBe('hookproof: cannot read spec s.yaml: disk on fire');
    expect(lines.some((l) => l.trim().startsWith('at '))).toBe(true);
    expect(lines).toContain('caused by: Error: disk on fire');
  });

  it('strips commander\'s "error: " and folds its suggestion onto the same line', () => {
    const error = new CommanderError(1, 'commander.unknownCommand', "error: unknown command 'lint'\n(Did you mean lint-spec?)");
    expect(errorLines(error, false)).toEqual(["hookproof: unknown command 'lint' (Did you mean lint-spec?)"]);
  });

  it('prints nothing for help and version exits', () => {
    expect(errorLines(new CommanderError(0, 'commander.version', '0.1.0'), false)).toEqual([]);
    expect(errorLines(new CommanderError(1, 'commander.help', '(outputHelp)'), false)).toEqual([]);
  });
});
