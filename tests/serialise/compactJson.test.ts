import fc from 'fast-check';
import { compactJson } from '../../src/serialise';

// compactJson as it was written out before plain values went through JSON.stringify: the bytes
// it gave are the contract (they are signed and sent), so the fast path must give exactly them.
function reference(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`cannot serialise ${value} as JSON`);
      if (Number.isInteger(value) && !Number.isSafeInteger(value) && Math.abs(value) < 1e21) return BigInt(value).toString();
      return JSON.stringify(value);
    case 'object':
      if (Array.isArray(value)) return `[${value.map((item) => reference(item === undefined ? null : item)).join(',')}]`;
      return `{${Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => `${JSON.stringify(k)}:${reference(v)}`)
        .join(',')}}`;
    default:
      throw new TypeError(`cannot serialise a ${typeof value} as JSON`);
  }
}

const outcome = (write: (value: unknown) => string, value: unknown): string => {
  try {
    return `ok ${write(value)}`;
  } catch (error) {
    return `throws ${(error as Error).constructor.name}`;
  }
};

// Values JSON.stringify would write differently, or that compactJson refuses.
const unusual = fc.constantFrom<unknown>(
  2 ** 53,
  -(2 ** 63),
  1e21,
  -0,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  undefined,
  new Date(0),
  { toJSON: () => 'x' },
  Object.assign(Object.create(null) as object, { a: 1 }),
  new Number(1),
  () => 1,
  Symbol('s'),
  10n,
  Object.assign(new Array<number>(3), { 0: 1, 2: 3 }),
  new Uint8Array([1, 2]),
);

describe('compactJson', () => {
  it('writes every value exactly as the written-out serialiser does, or refuses it the same way', () => {
    const value = fc.letrec<{ value: unknown }>((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        fc.jsonValue({ maxDepth: 2 }),
        unusual,
        fc.double(),
        fc.array(tie('value'), { maxLength: 4 }),
        fc.dictionary(fc.string(), tie('value'), { maxKeys: 4 }),
      ),
    })).value;
    fc.assert(
      fc.property(value, (v) => {
        expect(outcome(compactJson, v)).toBe(outcome(reference, v));
      }),
      { numRuns: 2000 },
    );
  });
});
