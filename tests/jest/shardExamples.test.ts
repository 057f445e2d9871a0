import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import type { Test } from '@jest/test-result';
import TestSequencer from '@jest/test-sequencer';
import { CHECKS } from '../../src/checks';
import { startReferenceReceiver } from '../../src/receiver';

// The CI recipe's split, for real: examples/jest holds one conformance file per group of checks
// or types, and jest's --shard=i/n hands whole files to each machine.
const ROOT = join(__dirname, '..', '..');
const EXAMPLES = join(ROOT, 'examples', 'jest');
// The partner's config as shipped, with 'hookproof' and 'hookproof/jest' mapped to this tree's
// sources (the packed package runs the same files unmapped: tests/package/packedTarball.test.ts),
// which read the parsed bundled spec from this run's compiled copy, as in this suite (jest.config.ts).
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the example is CommonJS, as a partner's config may be
const SHIPPED = require(join(EXAMPLES, 'jest.config.cjs')) as Record<string, unknown>;
const CONFIG = JSON.stringify({
  ...SHIPPED,
  moduleNameMapper: {
    '^hookproof$': join(ROOT, 'src', 'index.ts'),
    '^hookproof/jest$': join(ROOT, 'src', 'jest', 'index.ts'),
    '^\\./(spec/)?parsedSpecCache$': join(ROOT, '.test-cli', 'spec', 'parsedSpecCache.js'),
  },
  transform: { '^.+\\.ts$': [require.resolve('ts-jest'), { diagnostics: false }] },
});
const JEST = join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js');
const run = promisify(execFile);

async function jest(args: string[], env: Record<string, string> = {}): Promise<string> {
  const { stdout } = await run(process.execPath, [JEST, '-c', CONFIG, ...args], { cwd: ROOT, env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

/** The files jest's own sequencer gives shard `index` of `count` (what --shard=index/count runs). */
function shardFiles(files: readonly string[], index: number, count: number): string[] {
  const sequencer = new TestSequencer({ contexts: [], globalConfig: {} as never });
  const tests = files.map((path) => ({ path: join(ROOT, path), context: { config: { rootDir: EXAMPLES } } }) as unknown as Test);
  return (sequencer.shard(tests, { shardIndex: index, shardCount: count }) as Test[]).map((t) => relative(ROOT, t.path)).sort();
}

interface JestJson {
  numFailedTests: number;
  numPassedTests: number;
  testResults: Array<{ name: string; assertionResults: Array<{ title: string; status: string }> }>;
}

describe('examples/jest under --shard', () => {
  it('each shard gets whole files: together the shards run every file exactly once', () => {
    const files = readdirSync(EXAMPLES)
      .filter((f) => f.endsWith('.test.cjs'))
      .map((f) => relative(ROOT, join(EXAMPLES, f)))
      .sort();
    expect(files).toHaveLength(5);
    for (let count = 1; count <= 6; count += 1) {
      const shards = Array.from({ length: count }, (_, i) => shardFiles(files, i + 1, count));
      expect(shards.flat().sort()).toEqual(files);
      // Balanced: sizes differ by at most one file; with more shards than files, some get none
      // (jest then exits 1 unless --passWithNoTests).
      const sizes = shards.map((s) => s.length);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    }
  });

  it('two shards certify the reference receiver: every check runs, all pass', async () => {
    const secret = 'shard-example-secret-62d9';
    const receiver = await startReferenceReceiver({ secrets: [secret] });
    const dir = mkdtempSync(join(tmpdir(), 'hookproof-shards-'));
    try {
      const env = { GRIDX_RECEIVER_URL: receiver.url, GRIDX_WEBHOOK_SECRET: secret, GRIDX_ALLOW_HTTP: '1', HOOKPROOF_RUNS: '5', HOOKPROOF_SEED: '11' };
      // One shard after the other: the second reads the transform cache the first wrote, instead of
      // both compiling hookproof's sources at once (a clean CI machine has no cache yet, and its two
      // cores are busy with the rest of the suite).
      for (const i of [1, 2]) await jest([`--shard=${i}/2`, '-i', '--json', `--outputFile=${join(dir, `shard${i}.json`)}`], env);
      const results = [1, 2].map((i) => JSON.parse(readFileSync(join(dir, `shard${i}.json`), 'utf8')) as JestJson);
      expect(results.map((r) => r.numFailedTests)).toEqual([0, 0]);
      const titles = results.flatMap((r) => r.testResults.flatMap((t) => t.assertionResults.map((a) => a.title)));
      for (const check of CHECKS) expect(titles.some((t) => t.startsWith(`${check.requirement} ${check.id}: `))).toBe(true);
      const files = results.map((r) => r.testResults.map((t) => relative(ROOT, t.name)).sort());
      expect(files[0]?.filter((f) => files[1]?.includes(f))).toEqual([]);
      expect(files.flat()).toHaveLength(5);
    } finally {
      await receiver.close();
    }
  }, 300_000);
});
