import fc from 'fast-check';
import { memoryIO } from '../../src/cli/memoryIO';
import { runCli } from '../../src/cli/runCli';

// The CLI itself, in process: what a partner typing another tool's habits sees (one line, exit 2).
async function cli(argv: readonly string[]): Promise<{ code: number; err: string[] }> {
  const io = memoryIO();
  const code = await runCli(argv, io);
  return { code, err: io.stderr };
}

const url = fc.webUrl({ validSchemes: ['https', 'http'] }).filter((u) => !u.includes("'"));

describe('usage hints', () => {
  it('suggests --url for --target URL, -u URL, --target=URL and a bare URL', async () => {
    await fc.assert(
      fc.asyncProperty(
        url,
        fc.constantFrom<(u: string) => string[]>(
          (u) => ['--target', u],
          (u) => ['-u', u],
          (u) => [`--target=${u}`],
          (u) => [u],
        ),
        async (target, given) => {
          const run = await cli(['certify', ...given(target)]);
          expect(run.code).toBe(2);
          expect(run.err).toHaveLength(1);
          expect(run.err[0]).toMatch(/^hookproof: required option '--url <url>' not specified; .*: give it as --url /);
          expect(run.err[0]?.endsWith(`give it as --url ${target}`)).toBe(true);
        },
      ),
      { numRuns: 12 },
    );
  });

  it('says that lists are comma-separated when a list is given as separate words', async () => {
    expect(await cli(['certify', '--url', 'https://x.test/', '--types', 'ev/plugged', 'ev/unplugged'])).toEqual({
      code: 2,
      err: ["hookproof: too many arguments for 'certify'. Expected 0 arguments but got 1; lists are comma-separated: --types ev/plugged,ev/unplugged"],
    });
    expect((await cli(['certify', '--url', 'https://x.test/', '--checks', 'SIG-1', 'SIG-2', 'SIG-3'])).err[0]).toMatch(/lists are comma-separated: --checks SIG-1,SIG-2,SIG-3$/);
  });

  it('names the missing case id of replay, not only --url', async () => {
    const run = await cli(['replay', 'report.json']);
    expect(run.code).toBe(2);
    expect(run.err[0]).toContain('replay needs the report, the case id and --url: hookproof replay report.json sig-wrong-secret#1 --url URL');
  });

  it('adds nothing when there is nothing better to say', async () => {
    expect(await cli(['certify'])).toEqual({ code: 2, err: ["hookproof: required option '--url <url>' not specified"] });
  });

  it('exits 2 for --help of an unknown command, with the suggestion, instead of the global help and 0', async () => {
    const io = memoryIO();
    expect(await runCli(['certfy', '--help'], io)).toBe(2);
    expect(io.stderr).toEqual(["hookproof: unknown command 'certfy' (Did you mean certify?)"]);
    expect(io.stdout).toEqual([]);
    // A known command's help still prints and exits 0.
    const help = memoryIO();
    expect(await runCli(['certify', '--help'], help)).toBe(0);
    expect(help.stdout.join('\n')).toContain('--url <url>');
  });
});
