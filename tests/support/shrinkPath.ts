import fc from 'fast-check';

/**
 * Draws one value from `arb` with `seed` and lets fast-check shrink it as far as it can, returning
 * the value and every shrink it accepted, in order. Uses only the public API: a property that
 * always fails makes fast-check walk the whole shrink path through the predicate.
 */
export function shrinkPath<T>(arb: fc.Arbitrary<T>, seed: number): T[] {
  const seen: T[] = [];
  fc.check(
    fc.property(arb, (value) => {
      seen.push(value);
      return false;
    }),
    { seed, numRuns: 1, endOnFailure: false },
  );
  return seen;
}
