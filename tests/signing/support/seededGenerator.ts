import fc from 'fast-check';

/**
 * A tiny pure-rand style generator (mulberry32), so tests can call `arb.generate` and `arb.shrink`
 * directly: fast-check's own generators live in pure-rand, which hookproof does not depend on.
 */
function mulberry32(state: number): { clone(): ReturnType<typeof mulberry32>; next(): number; getState(): readonly number[] } {
  let current = state | 0;
  return {
    clone: () => mulberry32(current),
    next: () => {
      current = (current + 0x6d2b79f5) | 0;
      let t = Math.imul(current ^ (current >>> 15), 1 | current);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return (t ^ (t >>> 14)) | 0;
    },
    getState: () => [current],
  };
}

/** A fast-check random source derived from the suite's global seed and a per-use offset. */
export function seededRandom(offset: number): fc.Random {
  const globalSeed = fc.readConfigureGlobal().seed ?? 0;
  return new fc.Random(mulberry32(globalSeed + Math.imul(offset + 1, 0x9e3779b9)));
}
