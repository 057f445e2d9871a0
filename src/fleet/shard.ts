import { UsageError } from '../errors';
import { integerInRange } from '../integerInRange';

/** Shard `index` (1-based) of `total`, as jest's --shard writes it. */
export interface Shard {
  readonly index: number;
  readonly total: number;
}

/** Parses `i/n` (1 ≤ i ≤ n), with a one-line error otherwise. */
export function parseShard(text: string): Shard {
  const refusal = (): string => `--shard must be i/n with 1 <= i <= n (as jest's --shard), got "${text}"`;
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (match === null) throw new UsageError(refusal());
  const total = integerInRange(match[2] ?? '', { min: 1, max: Number.MAX_SAFE_INTEGER }, refusal);
  const index = integerInRange(match[1] ?? '', { min: 1, max: total }, refusal);
  return { index, total };
}

/**
 * The targets shard `i/n` runs: those at positions i-1, i-1+n, i-1+2n… of the file. Every target
 * is in exactly one shard, shards differ in size by at most one, and a shard depends only on the
 * file, so n CI jobs with the same file and shards 1/n…n/n certify the whole fleet once.
 */
export function shardOf<T>(items: readonly T[], shard: Shard): T[] {
  return items.filter((_, position) => position % shard.total === shard.index - 1);
}
