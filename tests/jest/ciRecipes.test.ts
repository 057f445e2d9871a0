import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { CHECKS } from '../../src/checks';
import { memoryIO } from '../../src/cli/memoryIO';
import { runCli } from '../../src/cli/runCli';
import { createEngine } from '../../src/engine';
import { selectChecks } from '../../src/runner/selectChecks';

// The CI recipes in examples/ci must not rot: valid YAML, every hookproof command and option they
// use exists, every check and event type they name is known, every file they point at exists.
const ROOT = join(__dirname, '..', '..');
const CI = join(ROOT, 'examples', 'ci');
const recipes = readdirSync(CI).filter((f) => f.endsWith('.yml'));

function strings(node: unknown): string[] {
  if (typeof node === 'string') return [node];
  if (Array.isArray(node)) return node.flatMap(strings);
  if (typeof node === 'object' && node !== null) return Object.values(node).flatMap(strings);
  return [];
}

/** Values under keys named like `key` (any case) anywhere in the document but GitHub's `permissions`. */
function valuesOf(node: unknown, key: string): string[] {
  if (Array.isArray(node)) return node.flatMap((n) => valuesOf(n, key));
  if (typeof node !== 'object' || node === null) return [];
  return Object.entries(node)
    .filter(([k]) => k !== 'permissions')
    .flatMap(([k, v]) => (k.toLowerCase() === key && typeof v === 'string' ? [v] : valuesOf(v, key)));
}

async function helpOf(command: string[]): Promise<string> {
  const io = memoryIO();
  expect(await runCli([...command, '--help'], io)).toBe(0);
  return io.stdout.join('\n');
}

describe('examples/ci', () => {
  it('holds the GitHub Actions and GitLab CI recipes', () => {
    expect(recipes.sort()).toEqual(['github-actions-sharded.yml', 'github-actions.yml', 'gitlab-ci-sharded.yml', 'gitlab-ci.yml']);
  });

  it.each(recipes)('%s: every hookproof command and option exists', async (file) => {
    const commands = strings(parse(readFileSync(join(CI, file), 'utf8'))).flatMap((s) => s.split('npx --no-install hookproof ').slice(1));
    expect(commands.length).toBeGreaterThan(0);
    for (const text of commands) {
      const words = text.split(/\s+/);
      const command = words[0] === 'pact' ? words.slice(0, 2) : words.slice(0, 1);
      const help = await helpOf(command);
      for (const option of text.match(/(?<=\s)--[a-z][a-z-]*/g) ?? []) {
        expect(`${command.join(' ')} ${option}: ${help.includes(`${option} `) || help.includes(`${option}\n`) ? 'exists' : 'unknown'}`).toBe(
          `${command.join(' ')} ${option}: exists`,
        );
      }
    }
  });

  it.each(recipes)('%s: the checks and event types it names are known, the files it uses exist', (file) => {
    const doc: unknown = parse(readFileSync(join(CI, file), 'utf8'));
    const catalogue = createEngine().catalogue;
    for (const list of valuesOf(doc, 'checks')) expect(() => selectChecks(CHECKS, list.split(','))).not.toThrow();
    for (const list of valuesOf(doc, 'types').filter((l) => l !== '')) for (const type of list.split(',')) expect(catalogue.has(type)).toBe(true);
    // gridx-conformance/ is where `hookproof init --jest` writes examples/jest/.
    for (const config of strings(doc).flatMap((s) => s.match(/gridx-conformance\/[\w.-]+/g) ?? []))
      expect(existsSync(join(ROOT, 'examples', 'jest', config.split('/')[1] ?? ''))).toBe(true);
  });

  it.each(recipes)('%s: npx never downloads: every use is `npx --no-install` of a package the project installed', (file) => {
    const text = strings(parse(readFileSync(join(CI, file), 'utf8'))).join('\n');
    const npxUses = text.match(/\bnpx\b.*/g) ?? [];
    expect(npxUses.length).toBeGreaterThan(0);
    for (const use of npxUses) expect(use).toMatch(/^npx --no-install (hookproof|jest) /);
    // hookproof comes from the project's own lockfile (pinned, see README "Install"), never by name.
    expect(text).not.toMatch(/npm (i|install|add)\b[^\n]*\bhookproof\b/);
    expect(text).toMatch(/npm ci\b/);
  });

  it.each(recipes.filter((f) => f.includes('sharded')))(
    '%s: every event check meets every non-deprecated type in some group, and EVT-5 runs where deprecated types are selected',
    (file) => {
      const catalogue = createEngine().catalogue;
      const current = catalogue.types.filter((t) => !t.deprecated).map((t) => t.type);
      // One matrix row: its checks and its types ('' = every type of the spec).
      const rows: Array<{ checks: string[]; types: string[] | undefined }> = [];
      const walk = (node: unknown): void => {
        if (Array.isArray(node)) {
          node.forEach(walk);
          return;
        }
        if (typeof node !== 'object' || node === null) return;
        const entries = Object.entries(node);
        const checks = entries.find(([k]) => k.toLowerCase() === 'checks')?.[1];
        const types = entries.find(([k]) => k.toLowerCase() === 'types')?.[1];
        if (typeof checks === 'string' && typeof types === 'string') {
          rows.push({ checks: selectChecks(CHECKS, checks.split(',')).map((c) => c.id), types: types === '' ? undefined : types.split(',') });
          return;
        }
        entries.forEach(([, value]) => walk(value));
      };
      walk(parse(readFileSync(join(CI, file), 'utf8')));
      expect(rows.length).toBeGreaterThan(0);
      for (const check of CHECKS.filter((c) => c.requirement.startsWith('EVT-'))) {
        const running = rows.filter((row) => row.checks.includes(check.id));
        if (check.requirement === 'EVT-5') {
          // Deprecated types are sent only by EVT-5, and only when --types does not leave them out.
          expect(running.some((row) => row.types === undefined)).toBe(true);
          continue;
        }
        const covered = new Set(running.flatMap((row) => row.types ?? current));
        expect([check.requirement, current.filter((type) => !covered.has(type))]).toEqual([check.requirement, []]);
      }
    },
  );

  it('the split recipes together run every check', () => {
    for (const file of recipes.filter((f) => f.includes('sharded'))) {
      const named = valuesOf(parse(readFileSync(join(CI, file), 'utf8')), 'checks').flatMap((list) => selectChecks(CHECKS, list.split(',')).map((c) => c.id));
      expect([...new Set(named)].sort()).toEqual(CHECKS.map((c) => c.id).sort());
    }
  });
});
