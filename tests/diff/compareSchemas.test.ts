import { compareSchemas } from '../../src/diff/compareSchemas';
import type { SchemaObject } from '../../src/spec/types';

// Each keyword family on small schemas: what changed, where, and who it breaks. A receiver breaks
// when NEW accepts more than OLD; a sender when NEW accepts less.
const field = (schema: SchemaObject, required = true): SchemaObject => ({ type: 'object', required: required ? ['f'] : [], properties: { f: schema } });

function changes(before: SchemaObject, after: SchemaObject): string[] {
  return compareSchemas('t', before, after).map((c) => `${c.pointer} ${c.kind} [${c.breaks.join(',')}] ${c.message}`);
}

describe('compareSchemas', () => {
  it.each<[string, SchemaObject, SchemaObject, string[]]>([
    ['no change, annotations ignored', { type: 'string', description: 'a' }, { type: 'string', description: 'b', examples: ['x'] }, []],
    ['enum value added', { type: 'string', enum: ['A'] }, { type: 'string', enum: ['A', 'B'] }, ['/f enum-value-added [receiver] enum value "B" added (was "A")']],
    ['enum value removed', { type: 'string', enum: ['A', 'B'] }, { type: 'string', enum: ['A'] }, ['/f enum-value-removed [sender] enum value "B" removed (now "A")']],
    ['enum added', { type: 'string' }, { type: 'string', enum: ['A'] }, ['/f enum-added [sender] now restricted to "A"']],
    ['enum removed', { type: 'string', enum: ['A'] }, { type: 'string' }, ['/f enum-removed [receiver] no longer restricted to "A"']],
    [
      'const changed',
      { const: 'x' },
      { const: 'y' },
      ['/f enum-value-added [receiver] enum value "y" added (was "x")', '/f enum-value-removed [sender] enum value "x" removed (now "y")'],
    ],
    ['integer widened to number', { type: 'integer' }, { type: 'number' }, ['/f type-widened [receiver] type integer → number (now also number)']],
    ['number narrowed to integer', { type: 'number' }, { type: 'integer' }, ['/f type-narrowed [sender] type number → integer (no longer number)']],
    ['string changed to integer', { type: 'string' }, { type: 'integer' }, ['/f type-changed [receiver,sender] type string → integer']],
    [
      'nullable added: one change, not also an enum one',
      { type: 'string', enum: ['A'] },
      { type: ['string', 'null'], enum: ['A', null] },
      ['/f type-widened [receiver] type string → string|null (now also null)'],
    ],
    ['format added', { type: 'string' }, { type: 'string', format: 'uuid' }, ['/f format-added [sender] format "uuid" added']],
    ['format removed', { type: 'string', format: 'uuid' }, { type: 'string' }, ['/f format-removed [receiver] format "uuid" removed']],
    ['format changed', { type: 'string', format: 'uuid' }, { type: 'string', format: 'date-time' }, ['/f format-changed [receiver,sender] format "uuid" → "date-time"']],
    ['maximum lowered', { type: 'number', maximum: 100 }, { type: 'number', maximum: 50 }, ['/f range-narrowed [sender] maximum 100 → 50']],
    ['minimum lowered', { type: 'number', minimum: 0 }, { type: 'number', minimum: -10 }, ['/f range-widened [receiver] minimum 0 → -10']],
    ['minimum made exclusive', { type: 'number', minimum: 0 }, { type: 'number', exclusiveMinimum: 0 }, ['/f range-narrowed [sender] minimum 0 → 0 (exclusive)']],
    [
      'int32 to int64: a widened range, not a format change',
      { type: 'integer', format: 'int32', minimum: -2147483648, maximum: 2147483647 },
      { type: 'integer', format: 'int64', minimum: -(2 ** 63), maximum: 2 ** 63 },
      [
        '/f range-widened [receiver] minimum -2147483648 → -9223372036854775808 (format int32 → int64)',
        '/f range-widened [receiver] maximum 2147483647 → 9223372036854775808 (format int32 → int64)',
      ],
    ],
    ['maxLength added', { type: 'string' }, { type: 'string', maxLength: 64 }, ['/f range-narrowed [sender] maxLength none → 64']],
    ['pattern added', { type: 'string' }, { type: 'string', pattern: '^[A-Z]+$' }, ['/f pattern-added [sender] pattern "^[A-Z]+$" added']],
    [
      'an unknown keyword changed',
      { type: 'array', uniqueItems: false },
      { type: 'array', uniqueItems: true },
      ['/f schema-changed [receiver,sender] uniqueItems changed: false → true'],
    ],
  ])('%s', (_name, before, after, expected) => {
    expect(changes(field(before), field(after))).toEqual(expected);
  });

  it('required fields: becoming required breaks senders, becoming optional breaks receivers', () => {
    expect(changes(field({ type: 'string' }, false), field({ type: 'string' }, true))).toEqual(['/f field-became-required [sender] field became required']);
    expect(changes(field({ type: 'string' }, true), field({ type: 'string' }, false))).toEqual([
      '/f field-became-optional [receiver] field became optional (receivers can no longer rely on it)',
    ]);
  });

  it('fields added and removed: optional ones break no one, required ones do', () => {
    const none: SchemaObject = { type: 'object', properties: {} };
    expect(changes(none, field({ type: 'string' }, false))).toEqual(['/f field-added [] optional field added']);
    expect(changes(none, field({ type: 'string' }, true))).toEqual(['/f required-field-added [sender] required field added']);
    expect(changes(field({ type: 'string' }, false), none)).toEqual(['/f field-removed [] optional field removed']);
    expect(changes(field({ type: 'string' }, true), none)).toEqual(['/f required-field-removed [receiver] required field removed (receivers can no longer rely on it)']);
    // With additionalProperties: false, a new optional field is something OLD rejected.
    expect(changes({ ...none, additionalProperties: false }, { ...field({ type: 'string' }, false), additionalProperties: false })).toEqual([
      '/f field-added [receiver] optional field added',
    ]);
  });

  it('walks nested objects and array items, escaping pointer segments', () => {
    const nested = (max: number): SchemaObject => ({
      type: 'object',
      properties: { 'a/b': { type: 'object', properties: { list: { type: 'array', items: { type: 'object', properties: { n: { type: 'integer', maximum: max } } } } } } },
    });
    expect(changes(nested(10), nested(20))).toEqual(['/a~1b/list/0/n range-widened [receiver] maximum 10 → 20']);
  });

  it('closing and opening an object to unknown properties', () => {
    expect(changes({ type: 'object' }, { type: 'object', additionalProperties: false })).toEqual([' additional-properties-closed [sender] unknown properties no longer allowed']);
    expect(changes({ type: 'object', additionalProperties: false }, { type: 'object' })).toEqual([' additional-properties-opened [receiver] unknown properties now allowed']);
  });
});
