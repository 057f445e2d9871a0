import type { Command } from 'commander';
import { COMMANDS } from '../../src/cli/commands';
import { HELP_EXAMPLES } from '../../src/cli/helpExamples';
import { memoryIO } from '../../src/cli/memoryIO';
import { createProgram } from '../../src/cli/program';
import { runCli } from '../../src/cli/runCli';

// Every command's --help ends with 2–3 examples, and an example can only use options its command
// has: a renamed flag fails here, not in a partner's terminal.
function leaves(command: Command, prefix: string): Array<[string, Command]> {
  return command.commands
    .filter((sub) => sub.name() !== 'help')
    .flatMap((sub) => {
      const path = prefix === '' ? sub.name() : `${prefix} ${sub.name()}`;
      return sub.commands.length > 0 ? leaves(sub, path) : [[path, sub] as [string, Command]];
    });
}

const program = createProgram(COMMANDS, memoryIO(), () => undefined);
const commands = leaves(program, '');

describe('--help examples', () => {
  it('exist for every command, and only for commands', () => {
    expect(Object.keys(HELP_EXAMPLES).sort()).toEqual(commands.map(([path]) => path).sort());
  });

  it.each(commands)('%s: 2 or 3 examples, each running this command with options it has', (path, command) => {
    const examples = HELP_EXAMPLES[path] ?? [];
    expect(examples.length).toBeGreaterThanOrEqual(2);
    expect(examples.length).toBeLessThanOrEqual(3);
    const known = new Set(command.options.flatMap((option) => [option.long, option.short]).filter((flag): flag is string => flag !== undefined));
    for (const example of examples) {
      expect(example).toMatch(new RegExp(`(^|\\s)hookproof ${path}( |$)`));
      const flags = (example.split(`hookproof ${path}`)[1] ?? '').match(/(?<=\s)--?[a-z][\w-]*/g) ?? [];
      for (const flag of flags) expect([path, flag, known.has(flag)]).toEqual([path, flag, true]);
    }
  });

  it.each(commands)('%s: one Examples block in --help, no second one of its own', async (path) => {
    const io = memoryIO();
    expect(await runCli([...path.split(' '), '--help'], io)).toBe(0);
    expect(io.stdout.join('\n').match(/^Examples:$/gm)).toHaveLength(1);
  });

  it('end the help text of the command', async () => {
    const io = memoryIO();
    expect(await runCli(['fleet', '--help'], io)).toBe(0);
    expect(io.stdout.slice(-4)).toEqual(['Examples:', ...(HELP_EXAMPLES.fleet ?? []).map((example) => `  $ ${example}`)]);
  });
});
