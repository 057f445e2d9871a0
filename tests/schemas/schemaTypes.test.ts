import fc from 'fast-check';
import { schemaTypes } from '../../src/schemas/schemaTypes';
import type { SchemaObject } from '../../src/spec/types';

const TYPE_NAMES = ['array', 'boolean', 'integer', 'null', 'number', 'object', 'string'] as const;
const typeName = fc.constantFrom(...TYPE_NAMES);
// Keywords that say nothing about the type on their own.
const otherKeywords = fc.record({ description: fc.string(), minLength: fc.nat() }, { requiredKeys: [] });

describe('schemaTypes: which JSON types a schema allows', () => {
  it('gives the name, or the names of a type array in order, whatever else the schema says', () => {
    fc.assert(
      fc.property(fc.oneof(typeName, fc.array(typeName, { minLength: 1, maxLength: 4 })), otherKeywords, fc.boolean(), (type, rest, inferred) => {
        const schema: SchemaObject = { ...rest, type, properties: { a: {} }, items: {} };
        expect(schemaTypes(schema, { inferred })).toEqual(Array.isArray(type) ? type : [type]);
      }),
    );
  });

  it('allows any type (empty) when there is no type keyword, unless asked to infer it', () => {
    fc.assert(
      fc.property(otherKeywords, (rest) => {
        expect(schemaTypes({ ...rest, properties: { a: {} } })).toEqual([]);
        expect(schemaTypes({ ...rest, required: ['a'] })).toEqual([]);
        expect(schemaTypes({ ...rest, items: {} })).toEqual([]);
        expect(schemaTypes(rest, { inferred: true })).toEqual([]);
      }),
    );
  });

  it('infers object from properties or required, and array from items', () => {
    expect(schemaTypes({ properties: { a: {} } }, { inferred: true })).toEqual(['object']);
    expect(schemaTypes({ required: ['a'] }, { inferred: true })).toEqual(['object']);
    expect(schemaTypes({ items: { type: 'string' } }, { inferred: true })).toEqual(['array']);
  });

  it('ignores what is not a type name in a type array', () => {
    expect(schemaTypes({ type: ['string', 3, null] })).toEqual(['string']);
  });
});
