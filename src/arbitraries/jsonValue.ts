import fc from 'fast-check';
import { lazy } from './lazy';

/** Keys as APIs name them: a letter, then letters, digits or `_` (never integer-like: see below). */
export const ordinaryKeyArbitrary: () => fc.Arbitrary<string> = lazy(() => fc.stringMatching(/^[a-z][A-Za-z0-9_]{0,15}$/));

/** Short text of the kind an API carries in a field it adds: words, digits, a little punctuation. */
const ordinaryText = (): fc.Arbitrary<string> => fc.stringMatching(/^[A-Za-z0-9 .,:_-]{0,24}$/);

/** A number as APIs write them: a small integer, or a decimal with at most three places. */
const ordinaryNumber = (): fc.Arbitrary<number> =>
  fc.oneof(
    fc.integer({ min: -1_000_000, max: 1_000_000 }),
    fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }).map((n) => n / 1000),
  );

/**
 * Free-form JSON (for schemas that allow anything, and for unknown extra properties): ordinary
 * values, as gridX would put there. What the checks vary lives elsewhere (EVT-4's edge values,
 * SIG-8's layouts); here a huge double, an integer-like key (which JSON.parse moves to the front)
 * or a control character would make the event fail for a reason that is not the check's own.
 */
export const jsonValueArbitrary: () => fc.Arbitrary<unknown> = lazy(
  () =>
    fc.letrec<{ value: unknown }>((tie) => ({
      value: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.constant(null),
        fc.boolean(),
        ordinaryNumber(),
        ordinaryText(),
        fc.array(tie('value'), { maxLength: 3 }),
        fc.dictionary(ordinaryKeyArbitrary(), tie('value'), { maxKeys: 3, noNullPrototype: true }),
      ),
    })).value,
);
