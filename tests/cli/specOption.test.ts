import type { CommandRegistration } from '../../src/cli/command';
import { COMMANDS } from '../../src/cli/commands';
import { memoryIO } from '../../src/cli/memoryIO';
import { runCli } from '../../src/cli/runCli';

/** Every runnable command as its path on the command line (`pact publish`), with its registration. */
function leaves(registrations: readonly CommandRegistration[], parent: readonly string[] = []): Array<[string[], CommandRegistration]> {
  return registrations.flatMap((r) => (r.subcommands !== undefined ? leaves(r.subcommands, [...parent, r.name]) : [[[...parent, r.name], r] as [string[], CommandRegistration]]));
}

const ALL = leaves(COMMANDS);
const name = (path: readonly string[]): string => path.join(' ');

/**
 * The commands that do not read the spec, each with the least it needs to get past commander's
 * required arguments and options (which commander checks before unknown options).
 */
const WITHOUT_SPEC: Readonly<Record<string, readonly string[]>> = {
  replay: ['report.json', 'case#1', '--url', 'http://127.0.0.1:9/hooks'],
  serve: [],
  init: [],
  diff: ['old.yaml', 'new.yaml'],
  'pact verify': ['--url', 'http://127.0.0.1:9/hooks'],
  'pact publish': ['pacts/x.json', '--consumer-app-version', '1.0.0'],
  'pact can-i-deploy': ['--pacticipant', 'acme', '--version', '1.0.0', '--to-environment', 'production'],
  'pact record-deployment': ['--pacticipant', 'acme', '--version', '1.0.0', '--environment', 'production'],
  'pact record-release': ['--pacticipant', 'acme', '--version', '1.0.0', '--environment', 'production'],
  'pact ensure-environment': ['--name', 'production'],
  'report verify': ['report.json'],
};

async function help(path: readonly string[]): Promise<string> {
  const io = memoryIO();
  expect(await runCli([...path, '--help'], io)).toBe(0);
  return io.stdout.join('\n');
}

describe('--spec only where a command reads the spec', () => {
  it('the commands without it are exactly those listed here (a new command decides)', () => {
    expect(
      ALL.filter(([, r]) => r.readsSpec !== true)
        .map(([path]) => name(path))
        .sort(),
    ).toEqual(Object.keys(WITHOUT_SPEC).sort());
  });

  it.each(Object.entries(WITHOUT_SPEC))('%s refuses --spec as an unknown option (one line, exit 2) and its help does not list it', async (command, args) => {
    const io = { ...memoryIO(), env: {} };
    expect(await runCli([...command.split(' '), ...args, '--spec', 'spec/webhook-events.yaml'], io)).toBe(2);
    expect(io.stderr).toHaveLength(1);
    expect(io.stderr[0]).toMatch(/^hookproof: unknown option '--spec'( \(Did you mean --seed\?\))?$/);
    expect(io.stdout).toEqual([]);
    expect(await help(command.split(' '))).not.toContain('--spec');
  });

  it.each(ALL.filter(([, r]) => r.readsSpec === true).map(([path]) => [name(path)]))('%s lists --spec in its help, defaulting to the bundled spec', async (command) => {
    // Help wraps its descriptions to the width of the longest option: any whitespace between words.
    expect(await help(command.split(' '))).toMatch(/--spec <file>\s+OpenAPI\s+spec\s+to\s+read\s+\(YAML\s+or\s+JSON\)\s+\(default:\s+the\s+bundled\s+spec\/webhook-events\.yaml\)/);
  });

  it.each([['types'], ['errata'], ['lint-spec'], ['typegen'], ['vectors']])('%s still reads the spec --spec names', async (command) => {
    const io = memoryIO();
    expect(await runCli([command, '--spec', '/no/such/spec.yaml'], io)).toBe(2);
    expect(io.stderr).toEqual(['hookproof: cannot read spec /no/such/spec.yaml: ENOENT: no such file or directory']);
  });
});
