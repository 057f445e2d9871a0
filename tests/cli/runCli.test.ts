import type { CommandRegistration } from '../../src/cli/command';
import { COMMANDS } from '../../src/cli/commands';
import { memoryIO } from '../../src/cli/memoryIO';
import { runCli } from '../../src/cli/runCli';
import { VERSION } from '../../src/version';
import { UsageError } from '../../src/errors';
import { DEFAULT_SPEC_PATH } from '../../src/spec/defaultSpecPath';

/** A command that records its options and does what it is told. */
function probe(behaviour: () => Promise<0 | 1 | 2>, seen: Array<Record<string, unknown>> = []): CommandRegistration {
  return {
    name: 'probe',
    define: (command) => {
      command.description('test command').option('--flag');
    },
    run: (parsed) => {
      seen.push(parsed.opts());
      return behaviour();
    },
  };
}

describe('runCli', () => {
  it('registers uniquely named commands', () => {
    const names = COMMANDS.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(expect.arrayContaining(['lint-spec', 'errata', 'types', 'validate']));
  });

  it('prints help on stdout and exits 0', async () => {
    const io = memoryIO();
    expect(await runCli(['--help'], io)).toBe(0);
    expect(io.stdout.join('\n')).toMatch(/Usage: hookproof/);
    expect(io.stdout.join('\n')).toMatch(/lint-spec/);
    expect(io.stderr).toEqual([]);
  });

  it('prints the package version', async () => {
    const io = memoryIO();
    expect(await runCli(['--version'], io)).toBe(0);
    expect(io.stdout).toEqual([VERSION]);
    expect(VERSION).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('shows help for a command through the help command', async () => {
    const io = memoryIO();
    expect(await runCli(['help', 'validate'], io)).toBe(0);
    expect(io.stdout.join('\n')).toMatch(/Usage: hookproof validate \[options\] <file>/);
  });

  it.each([
    [['lint-spec', '--bogus'], "hookproof: unknown option '--bogus'"],
    [['lint-spc'], "hookproof: unknown command 'lint-spc' (Did you mean lint-spec?)"],
    [['validate'], "hookproof: missing required argument 'file'"],
    [['validate', 'a.json', 'b.json'], 'hookproof: too many arguments'],
    [['types', '--spec'], "hookproof: option '--spec <file>' argument missing"],
  ])('turns the usage error of %j into one line and exit 2', async (argv, line) => {
    const io = memoryIO();
    expect(await runCli(argv, io)).toBe(2);
    expect(io.stderr).toHaveLength(1);
    expect(io.stderr[0]).toContain(line);
    expect(io.stdout).toEqual([]);
  });

  it('says in one line to run --help, and exits 2, when no command is given', async () => {
    const io = memoryIO();
    expect(await runCli([], io)).toBe(2);
    expect(io.stderr).toEqual(['hookproof: no command given; run `hookproof --help` to see the commands']);
    expect(io.stdout).toEqual([]);
  });

  it('says the same for a command group without its subcommand (hookproof pact)', async () => {
    const io = memoryIO();
    expect(await runCli(['pact'], io)).toBe(2);
    expect(io.stderr).toEqual(['hookproof: no command given; run `hookproof pact --help` to see the commands']);
  });

  it('gives --spec, defaulting to the bundled spec, to a command that reads the spec', async () => {
    const seen: Array<Record<string, unknown>> = [];
    const command = { ...probe(() => Promise.resolve(0), seen), readsSpec: true as const };
    expect(await runCli(['probe'], memoryIO(), { commands: [command] })).toBe(0);
    expect(await runCli(['probe', '--spec', 'other.yaml', '--flag'], memoryIO(), { commands: [command] })).toBe(0);
    expect(seen).toEqual([{ spec: DEFAULT_SPEC_PATH }, { spec: 'other.yaml', flag: true }]);
  });

  it('gives no --spec to a command that does not read the spec: it is an unknown option there', async () => {
    const seen: Array<Record<string, unknown>> = [];
    const command = probe(() => Promise.resolve(0), seen);
    const io = memoryIO();
    expect(await runCli(['probe', '--flag'], memoryIO(), { commands: [command] })).toBe(0);
    expect(await runCli(['probe', '--spec', 'other.yaml'], io, { commands: [command] })).toBe(2);
    expect(io.stderr).toEqual(["hookproof: unknown option '--spec'"]);
    expect(seen).toEqual([{ flag: true }]);
  });

  it('returns the exit code the command returns', async () => {
    expect(await runCli(['probe'], memoryIO(), { commands: [probe(() => Promise.resolve(1))] })).toBe(1);
  });

  it('turns a HookproofError into one line and exit 2', async () => {
    const io = memoryIO();
    expect(await runCli(['probe'], io, { commands: [probe(() => Promise.reject(new UsageError('--probe needs a value')))] })).toBe(2);
    expect(io.stderr).toEqual(['hookproof: --probe needs a value']);
  });

  it('turns an unexpected error into one internal-error line and exit 2', async () => {
    const io = memoryIO();
    const code = await runCli(['probe'], io, { commands: [probe(() => Promise.reject(new TypeError('cannot read x of undefined')))] });
    expect(code).toBe(2);
    expect(io.stderr).toEqual(['hookproof: internal error: cannot read x of undefined (set HOOKPROOF_DEBUG=1 for the stack)']);
  });

  it('prints the stack of an unexpected error in debug mode', async () => {
    const io = memoryIO();
    await runCli(['probe'], io, { debug: true, commands: [probe(() => Promise.reject(new TypeError('bug')))] });
    expect(io.stderr[0]).toBe('hookproof: internal error: bug');
    expect(io.stderr.some((l) => l.trim().startsWith('at '))).toBe(true);
  });

  it('maps a missing spec to one line and exit 2', async () => {
    const io = memoryIO();
    expect(await runCli(['types', '--spec', '/no/such/spec.yaml'], io)).toBe(2);
    expect(io.stderr).toEqual(['hookproof: cannot read spec /no/such/spec.yaml: ENOENT: no such file or directory']);
  });
});
