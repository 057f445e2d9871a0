import fc from 'fast-check';
import { lazyArbitrary } from '../../src/arbitraries/lazyArbitrary';

// A lazy arbitrary is built on first use and then draws, and shrinks, exactly what it wraps.
const wrapped = (): fc.Arbitrary<{ n: number; s: string; list: number[] }> =>
  fc.record({ n: fc.integer({ min: -1000, max: 1000 }), s: fc.string(), list: fc.array(fc.nat(50), { maxLength: 6 }) });

describe('lazyArbitrary', () => {
  it('builds nothing until asked for a value, then builds once', () => {
    let builds = 0;
    const lazy = lazyArbitrary(() => {
      builds += 1;
      return wrapped();
    });
    const inOneof = fc.oneof(fc.constant(null), lazy);
    expect(builds).toBe(0);
    fc.sample(inOneof, { seed: 3, numRuns: 50 });
    expect(builds).toBe(1);
  });

  it('draws the same values from the same seed, and shrinks a failure to the same counterexample', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        expect(fc.sample(lazyArbitrary(wrapped), { seed, numRuns: 20 })).toEqual(fc.sample(wrapped(), { seed, numRuns: 20 }));
        const failing = (arbitrary: fc.Arbitrary<{ n: number; list: number[] }>): unknown =>
          fc.check(
            fc.property(arbitrary, (v) => v.n < 300 || v.list.length < 2),
            { seed, numRuns: 200 },
          ).counterexample;
        const shrunk = failing(lazyArbitrary(wrapped));
        expect(shrunk).not.toBeNull();
        expect(shrunk).toEqual(failing(wrapped()));
      }),
      { numRuns: 20 },
    );
  });
});
