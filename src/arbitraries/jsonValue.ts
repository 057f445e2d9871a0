import fc from 'fast-check';
import { textArbitrary } from './strings';

/** Free-form JSON (for schemas that allow anything, and for unknown extra properties). */
export const jsonValueArbitrary: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    textArbitrary({ maxLength: 64 }),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.string({ minLength: 1, maxLength: 10 }), tie('value'), { maxKeys: 3, noNullPrototype: true }),
  ),
})).value;
