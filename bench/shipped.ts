import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type * as Arbitraries from '../src/arbitraries';
import type * as Capacity from '../src/capacity/runCapacity';
import type * as LatencyHistogram from '../src/capacity/latencyHistogram';
import type * as Delivery from '../src/delivery';
import type * as EngineModule from '../src/engine';
import type * as Runner from '../src/runner/runCertification';
import type * as Serialise from '../src/serialise';
import type * as Signing from '../src/signing';

// The bench measures what a partner installs: the compiled dist/ (`npm run bench` builds it
// first), typed by its sources. Run through tsx, src/ is not that code: esbuild wraps every
// function and closure in a naming helper (keepNames), which a delivery loop pays per request.

const root = join(__dirname, '..');

function newestMtimeMs(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtimeMs(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function assertBuilt(): void {
  let builtAt: number;
  try {
    builtAt = statSync(join(root, 'dist', 'index.js')).mtimeMs;
  } catch {
    throw new Error('dist/ is missing: run `npm run bench`, which builds first');
  }
  if (newestMtimeMs(join(root, 'src')) > builtAt) throw new Error('dist/ is older than src/: run `npm run bench`, which builds first');
}

assertBuilt();

function built(path: string): unknown {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the built module, typed at each use by its source
  return require(join(root, 'dist', path));
}

export const { anyEventArbitrary, eventArbitrary } = built('arbitraries') as typeof Arbitraries;
export const { CAPACITY_LIMITS, runCapacity } = built('capacity/runCapacity') as typeof Capacity;
export const { createLatencyHistogram, decodeHistogram, summariseLatency } = built('capacity/latencyHistogram') as typeof LatencyHistogram;
export const { createDeliveryClient } = built('delivery') as typeof Delivery;
export const { createEngine } = built('engine') as typeof EngineModule;
export const { runCertification } = built('runner/runCertification') as typeof Runner;
export const { serialiseEvent } = built('serialise') as typeof Serialise;
export const { sign, verifySignature } = built('signing') as typeof Signing;
