import { COMMANDS } from '../../src/cli/commands';
import { commandsFor, LAZY_COMMANDS } from '../../src/cli/commandsFor';

describe('commandsFor: a run loads only the command it names', () => {
  it('lists every command of COMMANDS, in the same order (add a new command to LAZY_COMMANDS too)', () => {
    expect(Object.keys(LAZY_COMMANDS)).toEqual(COMMANDS.map((c) => c.name));
  });

  it.each(COMMANDS.map((c) => [c.name, c] as const))('loads the registration of %s itself', (name, registration) => {
    const loaded = commandsFor([name, '--help']);
    expect(loaded).toEqual([registration]);
  });

  it('needs no command for --version, and every command for help or an unknown command', () => {
    expect(commandsFor(['--version'])).toEqual([]);
    expect(commandsFor(['-V'])).toEqual([]);
    expect(commandsFor([])).toBe(COMMANDS);
    expect(commandsFor(['--help'])).toBe(COMMANDS);
    expect(commandsFor(['help', 'types'])).toBe(COMMANDS);
    expect(commandsFor(['lint-spc'])).toBe(COMMANDS);
    expect(commandsFor(['toString'])).toBe(COMMANDS);
  });
});
