import fc from 'fast-check';
import { engineFromSpec } from '../../src/engine';
import { SpecInvalidError } from '../../src/errors';
import { parseSpec } from '../../src/spec/loadSpec';
import { lintSpec } from '../../src/specLint/lintSpec';
import { eventArbitrary } from '../../src/arbitraries';
import { specWithData } from '../support/generatedSpecs';

/** A spec whose probe/event `data` is an object with one property `value` of the given schema. */
function specOf(valueSchema: string): ReturnType<typeof parseSpec> {
  return parseSpec(specWithData('Data', { Data: `type: object\nrequired: [value]\nproperties:\n  value:\n${valueSchema.replace(/^/gm, '    ')}` }), 'hostile.yaml');
}

const HOSTILE: ReadonlyArray<readonly [string, string, RegExp]> = [
  ['minLength 15000, no maxLength', 'type: string\nminLength: 15000', /minLength 15000 is above the 10000 characters hookproof generates/],
  ['minLength above maxLength', 'type: string\nminLength: 10\nmaxLength: 3', /minLength 10 is above maxLength 3: no string fits/],
  ['minItems 1e8', 'type: array\nitems: {type: integer}\nminItems: 100000000', /minItems 100000000 is above the 1000 items/],
  ['minimum above maximum', 'type: integer\nminimum: 5\nmaximum: 4', /no integer lies between 5 and 4/],
  ['no integer between', 'type: integer\nminimum: 4.2\nmaximum: 4.8', /no integer lies between 4.2 and 4.8/],
  ['bounds near 1e29', 'type: integer\nminimum: 1.0e+29\nmaximum: 1.0e+30', /integer range 1e\+29\.\.1e\+30 lies outside int64/],
  ['a negative length', 'type: string\nmaxLength: -1', /maxLength must be a non-negative whole number, got -1/],
];

describe('the spec loader refuses constraints no bounded generator can meet', () => {
  it.each(HOSTILE)('%s: one line from the loader, does-not-load from lint-spec', (_name, schema, message) => {
    const spec = specOf(schema);
    let thrown: unknown;
    try {
      engineFromSpec(spec);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(SpecInvalidError);
    const text = (thrown as Error).message;
    expect(text).toMatch(/^invalid spec hostile\.yaml: \/components\/schemas\/Data\/properties\/value: /);
    expect(text).toMatch(message);
    expect(text.split('\n')).toHaveLength(1);
    expect(lintSpec(spec).unhandled).toEqual([expect.objectContaining({ code: 'does-not-load', message: expect.stringMatching(message) })]);
  });

  it('does not mistake a property named minLength, or an example, for a constraint', () => {
    const spec = parseSpec(
      specWithData('Data', { Data: 'type: object\nproperties:\n  minLength: {type: integer, example: 99999}\n  maxItems:\n    type: string\n    example: {minItems: 100000000}' }),
      'names.yaml',
    );
    expect(() => engineFromSpec(spec)).not.toThrow();
  });

  it('generates events for the largest bounds it accepts, and never loops on them', () => {
    const engine = engineFromSpec(specOf('type: string\nminLength: 10000'));
    fc.assert(
      fc.property(eventArbitrary(engine.catalogue.get('probe/event')), (event) => {
        const value = (event as unknown as { data: { value: string } }).data.value;
        expect(value.length).toBeGreaterThanOrEqual(10_000);
      }),
      { numRuns: 10 },
    );
  });
});
