import { schemaTypes } from '../../schemas/schemaTypes';
import fc from 'fast-check';
import { isSchemaObject, type SchemaObject } from '../../spec/types';

const OTHER_TYPES: Readonly<Record<string, fc.Arbitrary<unknown>>> = {
  string: fc.string({ maxLength: 8 }),
  integer: fc.integer({ min: -1000, max: 1000 }),
  number: fc.double({ min: -1000, max: 1000, noNaN: true }).filter((n) => !Number.isInteger(n)),
  boolean: fc.boolean(),
  null: fc.constant(null),
  array: fc.array(fc.integer(), { maxLength: 2 }),
  object: fc.dictionary(fc.string({ minLength: 1, maxLength: 4 }), fc.integer(), { maxKeys: 2, noNullPrototype: true }),
};

/** Values of a JSON type the schema does not allow (an integer field gets 1.5, "a", …). */
export function wrongTypeArbitrary(schema: SchemaObject): fc.Arbitrary<unknown> | undefined {
  const allowed = schemaTypes(schema);
  // No `type`: every value is of an allowed type.
  if (allowed.length === 0) return undefined;
  // A number field accepts integers too.
  const excluded = new Set(allowed.includes('number') ? [...allowed, 'integer'] : allowed);
  const others = Object.entries(OTHER_TYPES).filter(([type]) => !excluded.has(type));
  return others.length === 0 ? undefined : fc.oneof(...others.map(([, arbitrary]) => arbitrary));
}

/** A value of the right JSON type that the enum does not list. */
export function enumOutsideArbitrary(schema: SchemaObject): fc.Arbitrary<unknown> | undefined {
  if (!Array.isArray(schema.enum)) return undefined;
  const listed = new Set(schema.enum.map((v) => JSON.stringify(v)));
  const strings = schema.enum.every((v) => typeof v === 'string');
  const candidates: fc.Arbitrary<unknown> = strings
    ? fc.oneof(
        fc.string({ maxLength: 12 }),
        // Near misses catch case-insensitive or prefix matching.
        fc.constantFrom(...(schema.enum as string[])).chain((v) => fc.constantFrom(v.toLowerCase(), `${v} `, `${v}_X`, v.slice(0, -1))),
      )
    : fc.integer({ min: -1000, max: 1000 });
  return candidates.filter((v) => !listed.has(JSON.stringify(v)));
}

const BAD_FORMATS: Readonly<Record<string, fc.Arbitrary<string>>> = {
  uuid: fc.oneof(
    fc.uuid().map((u) => u.slice(0, -1)),
    fc.uuid().map((u) => `${u.slice(0, 9)}g${u.slice(10)}`),
    fc.uuid().map((u) => u.replace(/-/g, '')),
    fc.constantFrom('', 'not-a-uuid', '00000000-0000-0000-0000-00000000000'),
  ),
  'date-time': fc.constantFrom(
    '',
    '2024-13-01T00:00:00Z',
    '2024-02-30T00:00:00Z',
    '2024-01-01T24:00:00Z',
    '2024-01-01 00:00:00',
    '2024-01-01T00:00:00',
    '2024-01-01',
    'yesterday',
    '1704067200',
  ),
  date: fc.constantFrom('', '2024-13-01', '2024/01/01', '01.01.2024'),
  email: fc.constantFrom('', 'no-at-sign', '@example.com'),
  ipv4: fc.constantFrom('', '256.0.0.1', '1.2.3'),
};

/** Strings that break the field's format. */
export function badFormatArbitrary(schema: SchemaObject): fc.Arbitrary<string> | undefined {
  return typeof schema.format === 'string' ? BAD_FORMATS[schema.format] : undefined;
}

/** Numbers just past the field's minimum or maximum (when a past value is representable). */
export function outOfRangeArbitrary(schema: SchemaObject): fc.Arbitrary<number> | undefined {
  const options: Array<fc.Arbitrary<number>> = [];
  const integer = schema.type === 'integer';
  const step = (bound: number): number => Math.max(integer ? 1 : Number.EPSILON, Math.abs(bound) * 1e-9);
  if (typeof schema.maximum === 'number' && schema.maximum < Number.MAX_VALUE / 4) {
    const max = schema.maximum;
    options.push(fc.constantFrom(max + step(max) * 2, max * 2 + 1, integer ? Math.max(max + 1, 2 ** 64) : max * 4 + 1).filter((n) => n > max && Number.isFinite(n)));
  }
  if (typeof schema.minimum === 'number' && schema.minimum > -Number.MAX_VALUE / 4) {
    const min = schema.minimum;
    options.push(fc.constantFrom(min - step(min) * 2, min * 2 - 1, integer ? Math.min(min - 1, -(2 ** 64)) : min * 4 - 1).filter((n) => n < min && Number.isFinite(n)));
  }
  return options.length === 0 ? undefined : fc.oneof(...options);
}

export function isObjectSchema(schema: unknown): schema is SchemaObject {
  return isSchemaObject(schema);
}
