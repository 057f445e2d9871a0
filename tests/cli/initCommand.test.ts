import { mkdtempSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXAMPLES_DIR, initFiles, JEST_DIR } from '../../src/cli/commands/init';
import { memoryIO } from '../../src/cli/memoryIO';
import { runCli } from '../../src/cli/runCli';
import { readConfigFile } from '../../src/config/configFile';

async function cli(args: readonly string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const io = memoryIO();
  const code = await runCli(args, io);
  return { code, out: io.stdout, err: io.stderr };
}

/** Every file under `dir`, by path relative to it. */
function tree(dir: string, prefix = ''): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    const path = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) for (const [p, t] of tree(dir, path)) files.set(p, t);
    else files.set(path, readFileSync(join(dir, path), 'utf8'));
  }
  return files;
}

describe('hookproof init', () => {
  it('writes exactly examples/: the config, the CI workflow of --ci, and every file of examples/jest with --jest', async () => {
    for (const ci of ['github', 'gitlab']) {
      const dir = mkdtempSync(join(tmpdir(), 'hookproof-init-'));
      const run = await cli(['init', '--ci', ci, '--jest', '--dir', dir]);
      expect([run.code, run.err]).toEqual([0, []]);
      const written = tree(dir);
      const expected = initFiles({ ci, jest: true });
      expect([...written.keys()].sort()).toEqual(expected.map((f) => f.to).sort());
      for (const file of expected) expect([file.to, written.get(file.to)]).toEqual([file.to, readFileSync(join(EXAMPLES_DIR, file.from), 'utf8')]);
      // Every jest file of examples/ is written, under the folder the CI recipes run.
      expect(
        expected
          .filter((f) => f.from.startsWith('jest/'))
          .map((f) => f.to.slice(JEST_DIR.length + 1))
          .sort(),
      ).toEqual(readdirSync(join(EXAMPLES_DIR, 'jest')).sort());
      expect(run.out.filter((line) => line.startsWith('wrote '))).toHaveLength(expected.length);
    }
  });

  it('writes only the config without options; the config is valid by the published schema', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hookproof-init-'));
    expect((await cli(['init', '--dir', dir])).code).toBe(0);
    expect([...tree(dir).keys()]).toEqual(['hookproof.config.yaml']);
    expect(() => readConfigFile(join(dir, 'hookproof.config.yaml'))).not.toThrow();
  });

  it('never overwrites without --force: nothing is written, every file in the way is named (exit 2); --force overwrites', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hookproof-init-'));
    writeFileSync(join(dir, 'hookproof.config.yaml'), 'mine\n');
    mkdirSync(join(dir, '.github', 'workflows'), { recursive: true });
    writeFileSync(join(dir, '.github', 'workflows', 'gridx-conformance.yml'), 'mine too\n');
    const refused = await cli(['init', '--ci', 'github', '--jest', '--dir', dir]);
    expect(refused).toEqual({
      code: 2,
      out: [],
      err: ['hookproof: init would overwrite hookproof.config.yaml, .github/workflows/gridx-conformance.yml; nothing was written (add --force to overwrite)'],
    });
    expect([...tree(dir).keys()].sort()).toEqual(['.github/workflows/gridx-conformance.yml', 'hookproof.config.yaml']);
    expect(readFileSync(join(dir, 'hookproof.config.yaml'), 'utf8')).toBe('mine\n');
    expect((await cli(['init', '--ci', 'github', '--dir', dir, '--force'])).code).toBe(0);
    expect(readFileSync(join(dir, 'hookproof.config.yaml'), 'utf8')).toBe(readFileSync(join(EXAMPLES_DIR, 'hookproof.config.yaml'), 'utf8'));
  });

  it('refuses an unknown CI in one line', async () => {
    expect(await cli(['init', '--ci', 'jenkins'])).toEqual({ code: 2, out: [], err: ['hookproof: --ci must be one of github, gitlab, got "jenkins"'] });
  });

  it('examples/jest imports only the package (and node: modules, fast-check, its own files): nothing of the repository, no TypeScript', () => {
    for (const [name, text] of tree(join(EXAMPLES_DIR, 'jest'))) {
      expect(name).toMatch(/\.cjs$/);
      const imports = [...text.matchAll(/require\('([^']+)'\)/g)].map((m) => m[1] ?? '');
      for (const spec of imports) expect([name, spec]).toEqual([name, expect.stringMatching(/^(hookproof|hookproof\/jest|fast-check|node:[a-z_/]+|\.\/[\w]+\.cjs)$/)]);
      // Comments aside (the config's says it needs no ts-node).
      expect(text.replace(/^\s*\/\/.*$/gm, '')).not.toMatch(/^import\s|require\('ts-|\.\.\//m);
    }
  });
});
