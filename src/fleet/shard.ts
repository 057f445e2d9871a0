import { UsageError } from '../errors';

/** Shard `index` (1-based) of `total`, as jest's --shard writes it. */
export interface Shard {
  readonly index: number;
  readonly total: number;
}

/** Parses `i/n` (1 ≤ i ≤ n), with a one-line error otherwise. */
export function parseShard(text: string): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = Number(match?.[1]);
  const total = Number(match?.[2]);
  if (match === null || !Number.isSafeInteger(index) || !Number.isSafeInteger(total) || total < 1 || index < 1 || index > total) {
    throw new UsageError(`--shard must be i/n with 1 <= i <= n (as jest's --shard), got "${text}"`);
  }
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
