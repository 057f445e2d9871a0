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
      const run = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
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

/**
 * Start-up of the compiled CLI against its peer, a bare `node -e "require('ajv')"` (Node itself
 * plus one dependency): goals `--version` within 4× and `types` within 6× of it.
 */
export function benchStartup(times = Number(process.env.BENCH_STARTUP_TIMES ?? 7)): Record<string, number> {
  const ms = medians(
    {
      ajv: ['-e', "require('ajv')"],
      version: [BIN, '--version'],
      types: [BIN, 'types'],
    },
    times,
  );
  const ajv = ms.ajv ?? Number.NaN;
  return {
    require_ajv_ms: round(ajv, 1),
    version_ms: round(ms.version ?? Number.NaN, 1),
    types_ms: round(ms.types ?? Number.NaN, 1),
    version_ratio: round((ms.version ?? Number.NaN) / ajv, 2),
    types_ratio: round((ms.types ?? Number.NaN) / ajv, 2),
  };
}
