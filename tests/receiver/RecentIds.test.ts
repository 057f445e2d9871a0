import fc from 'fast-check';
import { RecentIds } from '../../src/receiver/RecentIds';

describe('RecentIds', () => {
  it('reports an id as new exactly once while it is remembered', () => {
    const ids = new RecentIds(3);
    expect([ids.add('a'), ids.add('b'), ids.add('a')]).toEqual([true, true, false]);
  });

  it('forgets the least recently seen id first', () => {
    const ids = new RecentIds(2);
    ids.add('a');
    ids.add('b');
    ids.add('a'); // a is now more recent than b
    ids.add('c'); // evicts b
    expect(ids.add('a')).toBe(false);
    expect(ids.add('b')).toBe(true);
  });

  it('never holds more than its capacity', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), fc.array(fc.string({ maxLength: 3 }), { maxLength: 200 }), (capacity, stream) => {
        const ids = new RecentIds(capacity);
        for (const id of stream) ids.add(id);
        expect(ids.size).toBeLessThanOrEqual(capacity);
      }),
    );
  });
});
