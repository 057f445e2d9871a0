import fc from 'fast-check';
import { sortKeys } from '../../src/serialise';

/** Every object's keys, depth first, in the order a writer would emit them. */
function keyOrders(value: unknown): string[][] {
  if (Array.isArray(value)) return value.flatMap(keyOrders);
  if (typeof value !== 'object' || value === null) return [];
  return [Object.keys(value), ...Object.values(value).flatMap(keyOrders)];
}

describe('sortKeys (one home: findings re-serialisers and the test broker use it)', () => {
  it('keeps the JSON value, sorts every object key and leaves arrays in their order', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const sorted = sortKeys(value);
        expect(sorted).toEqual(value);
        // Integer-like keys ("0") come first in any JavaScript object, whatever the insertion order.
        for (const keys of keyOrders(sorted).map((k) => k.filter((key) => !/^(0|[1-9]\d*)$/.test(key)))) expect(keys).toEqual([...keys].sort());
        expect(JSON.stringify(sortKeys(sorted))).toBe(JSON.stringify(sorted));
      }),
    );
  });

  it('sorts nested objects inside arrays', () => {
    expect(JSON.stringify(sortKeys({ b: [{ z: 1, a: 2 }], a: null }))).toBe('{"a":null,"b":[{"a":2,"z":1}]}');
  });
});
