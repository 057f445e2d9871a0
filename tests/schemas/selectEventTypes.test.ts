import fc from 'fast-check';
import { createEngine } from '../../src/engine';
import { UnknownEventTypeError, UsageError } from '../../src/errors';
import { selectEventTypes } from '../../src/schemas/selectEventTypes';
import { fixtureSpec } from '../cli/paths';

// The future spec has deprecated types; the rule is the same for every spec.
const catalogue = createEngine({ specPath: fixtureSpec('future-spec.yaml') }).catalogue;
const names = catalogue.types.map((t) => t.type);
const deprecated = catalogue.types.filter((t) => t.deprecated).map((t) => t.type);

describe('selectEventTypes: the one rule for "the selected event types"', () => {
  it('the fixture has deprecated and current types', () => {
    expect(deprecated.length).toBeGreaterThan(0);
    expect(deprecated.length).toBeLessThan(names.length);
  });

  it('by default: every type that is not deprecated, in catalogue order; with includeDeprecated: all of them', () => {
    expect(selectEventTypes(catalogue).map((t) => t.type)).toEqual(names.filter((n) => !deprecated.includes(n)));
    expect(selectEventTypes(catalogue, { includeDeprecated: true }).map((t) => t.type)).toEqual(names);
  });

  it('named types: each once, in catalogue order, deprecated ones too, whatever the order and repeats of the names', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...names), { minLength: 1, maxLength: 12 }), fc.boolean(), (named, includeDeprecated) => {
        const selected = selectEventTypes(catalogue, { types: named, includeDeprecated }).map((t) => t.type);
        expect(selected).toEqual(names.filter((n) => named.includes(n)));
      }),
    );
  });

  it('refuses a type the spec does not define, and an empty list', () => {
    expect(() => selectEventTypes(catalogue, { types: [names[0] ?? '', 'no/such-type'] })).toThrow(UnknownEventTypeError);
    expect(() => selectEventTypes(catalogue, { types: [] })).toThrow(UsageError);
  });
});
