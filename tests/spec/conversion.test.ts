import { flattenAllOf, MergeConflict } from '../../src/spec/flattenAllOf';
import { generationBounds } from '../../src/spec/numericFormats';
import { openapiToJsonSchema } from '../../src/spec/openapiToJsonSchema';
import { defaultEngine } from '../support/engine';

describe('OpenAPI 3.0 → JSON Schema', () => {
  it('turns nullable into a null type', () => {
    expect(openapiToJsonSchema({ type: 'string', nullable: true })).toEqual({ type: ['string', 'null'] });
    expect(openapiToJsonSchema({ type: ['integer', 'string'], nullable: true })).toEqual({ type: ['integer', 'string', 'null'] });
  });

  it('reads nullable on an enum as OpenAPI 3.0.3 does: null only when the enum lists it', () => {
    expect(openapiToJsonSchema({ type: 'string', enum: ['A'], nullable: true })).toEqual({ type: 'string', enum: ['A'] });
    expect(openapiToJsonSchema({ type: 'string', enum: ['A', null], nullable: true })).toEqual({ type: ['string', 'null'], enum: ['A', null] });
  });

  it('turns numeric formats into ranges, keeping tighter bounds', () => {
    expect(openapiToJsonSchema({ type: 'integer', format: 'uint32' })).toMatchObject({ minimum: 0, maximum: 4294967295 });
    expect(openapiToJsonSchema({ type: 'integer', format: 'int32', minimum: 5 })).toMatchObject({ minimum: 5, maximum: 2147483647 });
    expect(openapiToJsonSchema({ type: 'number', format: 'float' })).toMatchObject({ maximum: 3.4028234663852886e38 });
  });

  it('turns example into examples and drops OpenAPI-only keywords', () => {
    expect(openapiToJsonSchema({ type: 'string', example: 'x', readOnly: true, 'x-go-name': 'X', discriminator: {} })).toEqual({ type: 'string', examples: ['x'] });
  });

  it('rewrites boolean exclusive bounds', () => {
    expect(openapiToJsonSchema({ type: 'number', minimum: 0, exclusiveMinimum: true })).toEqual({ type: 'number', exclusiveMinimum: 0 });
  });

  it('keeps int64 generation extremes exactly representable and inside the format', () => {
    expect(generationBounds(-(2 ** 63), 2 ** 63)).toEqual({ min: -(2 ** 63), max: 2 ** 63 - 1024 });
    expect(generationBounds(0, 4294967295)).toEqual({ min: 0, max: 4294967295 });
  });
});

describe('allOf flattening', () => {
  it('merges properties, required lists, enums and bounds as a conjunction', () => {
    const flat = flattenAllOf({
      allOf: [
        { type: 'object', required: ['a'], properties: { a: { type: 'string', enum: ['x', 'y'] }, n: { type: 'number', minimum: 0 } } },
        { required: ['b'], properties: { a: { enum: ['y', 'z'] }, b: { type: 'boolean' }, n: { type: 'integer', maximum: 10 } } },
      ],
    });
    expect(flat).toEqual({
      type: 'object',
      required: ['a', 'b'],
      properties: { a: { type: 'string', enum: ['y'] }, b: { type: 'boolean' }, n: { type: 'integer', minimum: 0, maximum: 10 } },
    });
  });

  it('refuses contradictions with a pointer to them', () => {
    expect(() => flattenAllOf({ allOf: [{ type: 'string' }, { type: 'integer' }] })).toThrow(MergeConflict);
    expect(() => flattenAllOf({ allOf: [{ type: 'string' }, { type: 'integer' }] })).toThrow(expect.objectContaining({ code: 'SPEC_INVALID' }) as Error);
    expect(() => flattenAllOf({ allOf: [{ enum: ['a'] }, { enum: ['b'] }] })).toThrow(/#\/allOf\/1: enums/);
  });
});

describe('the catalogue of the gridX spec', () => {
  const { catalogue } = defaultEngine();

  it('has every mapped type, sorted, with the deprecated ones flagged', () => {
    expect(catalogue.types).toHaveLength(23);
    expect(catalogue.types.map((t) => t.type)).toEqual([...catalogue.types.map((t) => t.type)].sort());
    expect(catalogue.types.filter((t) => t.deprecated).map((t) => t.type)).toEqual(['ev/control', 'ev/create', 'ev/delete', 'ev/update']);
  });

  it('lists required and optional field paths as JSON pointers', () => {
    const failed = catalogue.get('ev/charge-failed');
    expect(failed.requiredPaths).toEqual(expect.arrayContaining(['/id', '/type', '/data/state', '/data/issuedAt']));
    // A required field of an optional object is optional for the event.
    expect(failed.optionalPaths).toEqual(expect.arrayContaining(['/data/failureReason', '/data/failureReason/type']));
  });

  it('takes the signature header grammar from the spec', () => {
    expect(catalogue.signatureHeader).toEqual({ name: 'X-Signature', pattern: '^sha512=[0-9a-fA-F]{128}(?:,\\s?sha512=[0-9a-fA-F]{128})*$' });
  });
});
