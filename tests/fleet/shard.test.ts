import fc from 'fast-check';
import { parseShard, shardOf } from '../../src/fleet/shard';
import { UsageError } from '../../src/errors';

describe('--shard i/n', () => {
  it('splits any targets list disjointly and completely, balanced to within one, in file order', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string(), { maxLength: 60 }), fc.integer({ min: 1, max: 12 }), (targets, total) => {
        const shards = Array.from({ length: total }, (_, i) => shardOf(targets, parseShard(`${i + 1}/${total}`)));
        const all = shards.flat();
        // Complete and disjoint: every target exactly once across the shards.
        expect([...all].sort()).toEqual([...targets].sort());
        expect(new Set(all).size).toBe(all.length);
        const sizes = shards.map((s) => s.length);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
        // Each shard keeps the file's order, and depends on the file alone.
        for (const shard of shards) expect(shard).toEqual(targets.filter((t) => shard.includes(t)));
        expect(shardOf(targets, parseShard(`1/${total}`))).toEqual(shards[0]);
      }),
    );
  });

  it.each(['0/3', '4/3', '1/0', '1', 'a/b', '-1/2', '1/2/3', ''])('refuses "%s" with a one-line usage error', (text) => {
    expect(() => parseShard(text)).toThrow(UsageError);
    expect(() => parseShard(text)).toThrow(/^--shard must be i\/n with 1 <= i <= n/);
  });

  it('accepts spaces as jest does not, but means the same', () => {
    expect(parseShard(' 2 / 5 ')).toEqual({ index: 2, total: 5 });
  });
});
