import fc from 'fast-check';
import { generationBounds } from '../spec/numericFormats';

export interface NumberConstraints {
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;
  readonly format?: string;
}

function bounds(c: NumberConstraints): { min: number; max: number } {
  const min = Math.max(c.minimum ?? -Number.MAX_VALUE, c.exclusiveMinimum ?? -Number.MAX_VALUE);
  const max = Math.min(c.maximum ?? Number.MAX_VALUE, c.exclusiveMaximum ?? Number.MAX_VALUE);
  return { min, max };
}

function withinExclusive(c: NumberConstraints): (n: number) => boolean {
  return (n) => (c.exclusiveMinimum === undefined || n > c.exclusiveMinimum) && (c.exclusiveMaximum === undefined || n < c.exclusiveMaximum);
}

/**
 * Integers across the allowed range as far as a JSON parser keeps them exactly (±(2^53 − 1)),
 * weighted towards the edges: the field's own limits, zero, ±1, the int32 and safe-integer limits.
 * Integers beyond 2^53 (int64's extremes) are EVT-4's boundary values only: gridX's values stay
 * well within, and in every other check such a value would make a receiver that re-parses the body
 * fail for a reason that is not that check's (SIG-8, see src/findings/reserialisedBody.ts).
 */
export function integerArbitrary(c: NumberConstraints): fc.Arbitrary<number> {
  const raw = bounds(c);
  const { min, max } = generationBounds(Math.ceil(Math.max(raw.min, -Number.MAX_SAFE_INTEGER)), Math.floor(Math.min(raw.max, Number.MAX_SAFE_INTEGER)));
  const edges = [min, max, 0, 1, -1, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 2 ** 31 - 1, -(2 ** 31)].filter((n) => n >= min && n <= max);
  const anywhere = fc.bigInt({ min: BigInt(min), max: BigInt(max) }).map((b) => Math.min(max, Math.max(min, Number(b))));
  const small = fc.integer({ min: Math.max(min, -1000), max: Math.min(max, 1000) });
  const options: Array<fc.WeightedArbitrary<number>> = [{ weight: 3, arbitrary: anywhere }];
  if (Math.max(min, -1000) <= Math.min(max, 1000)) options.push({ weight: 3, arbitrary: small });
  if (edges.length > 0) options.push({ weight: 2, arbitrary: fc.constantFrom(...edges) });
  return fc.oneof(...options).filter(withinExclusive(c));
}

/** Any finite number in range: negatives, zero, fractions, extremes; float32-exact for `float`. */
export function numberArbitrary(c: NumberConstraints): fc.Arbitrary<number> {
  const { min, max } = bounds(c);
  const edges = [min, max, 0, -1.5, 100, 0.1].filter((n) => n >= min && n <= max);
  const anyDouble = fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
  const arb = fc.oneof({ weight: 4, arbitrary: anyDouble }, { weight: 1, arbitrary: fc.constantFrom(...(edges.length > 0 ? edges : [min])) });
  const asFormat = c.format === 'float' ? arb.map((n) => Math.fround(n)).filter((n) => Number.isFinite(n) && n >= min && n <= max) : arb;
  return asFormat.filter(withinExclusive(c));
}
