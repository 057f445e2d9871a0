import { createHash } from 'node:crypto';

/**
 * A property's own seed, derived from the run's seed and the property's name, so each property
 * draws the same cases for the same --seed whatever runs before it or beside it.
 */
export function caseSeed(runSeed: number, name: string): number {
  return createHash('sha256').update(`${runSeed}:${name}`).digest().readInt32BE(0);
}
