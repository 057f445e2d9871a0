import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { round } from './measure';

const BIN = join(__dirname, '..', 'bin', 'hookproof.js');

/** Median wall time in ms of `node <args>` run `times` times, interleaved with the other commands. */
function medians(commands: Record<string, readonly string[]>, times: number): Record<string, number> {
  const samples: Record<string, number[]> = Object.fromEntries(Object.keys(commands).map((name) => [name, []]));
  for (let i = 0; i < times; i += 1) {
    for (const [name, args] of Object.entries(commands)) {
      const started = process.hrtime.bigint();
      const run = spawnSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
      if (run.status !== 0) throw new Error(`node ${args.join(' ')} exited with ${run.status}: ${run.stderr.toString().trim()}`);
      samples[name]?.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  }
  return Object.fromEntries(
    Object.entries(samples).map(([name, values]) => {
      const sorted = [...values].sort((a, b) => a - b);
      return [name, sorted[Math.floor(sorted.length / 2)] ?? Number.NaN];
    }),
  );
}

const ROOT = join(__dirname, '..');

/**
 * Start-up against a peer, a bare `node -e "require('ajv')"` (Node itself plus one dependency), side
 * by side and interleaved: the library's entries `require('hookproof')` and `require('hookproof/jest')`
 * (goal: within 1.5× of it; they load their heavy modules on first call, not on import), and the
 * compiled CLI's `--version` and `types` (goals: within 4× and 6×). The entries are required by
 * package name from the repository's root, so they resolve through package.json `exports` to dist/
 * as a partner's would.
 */
export function benchStartup(times = Number(process.env.BENCH_STARTUP_TIMES ?? 7)): Record<string, number> {
  const requireFromRoot = (specifier: string): readonly string[] => ['-e', `require(${JSON.stringify(specifier)})`];
  const ms = medians(
    {
      ajv: ['-e', "require('ajv')"],
      core: requireFromRoot('hookproof'),
      jest: requireFromRoot('hookproof/jest'),
      version: [BIN, '--version'],
      types: [BIN, 'types'],
    },
    times,
  );
  const ajv = ms.ajv ?? Number.NaN;
  const ratio = (name: string): number => round((ms[name] ?? Number.NaN) / ajv, 2);
  return {
    require_ajv_ms: round(ajv, 1),
    require_hookproof_ms: round(ms.core ?? Number.NaN, 1),
    require_hookproof_jest_ms: round(ms.jest ?? Number.NaN, 1),
    version_ms: round(ms.version ?? Number.NaN, 1),
    types_ms: round(ms.types ?? Number.NaN, 1),
    require_hookproof_ratio: ratio('core'),
    require_hookproof_jest_ratio: ratio('jest'),
    version_ratio: ratio('version'),
    types_ratio: ratio('types'),
  };
}
