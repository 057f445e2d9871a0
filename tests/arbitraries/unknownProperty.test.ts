import fc from 'fast-check';
import { INVALID_KINDS, invalidEventArbitrary, type InvalidCase } from '../../src/arbitraries';
import { engineFromSpec } from '../../src/engine';
import { parseSpec } from '../../src/spec';
import { valueAt } from '../../src/arbitraries/pointer';
import { defaultEngine } from '../support/engine';
import { objectsSpec } from '../support/generatedSpecs';

describe('invalid kind unknown-property (an unknown property in a closed object)', () => {
  const engine = engineFromSpec(parseSpec(objectsSpec(true, true), 'closed.yaml'));
  const probe = engine.catalogue.get('probe/event');

  it('is one of the invalid kinds', () => {
    expect(INVALID_KINDS).toContain('unknown-property');
  });

  it('adds one undescribed property to a closed object, and the validator refuses every case for exactly that', () => {
    const labels = new Set<string>();
    fc.assert(
      fc.property(invalidEventArbitrary(engine.catalogue, probe, { kinds: ['unknown-property'] }), (c: InvalidCase) => {
        labels.add(c.label);
        const result = engine.validators.validateBytes(c.body);
        if (result.valid) return false;
        // The only complaint is the added property; it is where the case says, inside the closed object.
        const objectPointer = c.label.replace('unknown-property ', '').replace('(root)', '');
        expect(c.pointer?.startsWith(`${objectPointer}/`)).toBe(true);
        expect(valueAt(c.event, c.pointer ?? '')).not.toBeUndefined();
        return result.issues.every((i) => i.keyword === 'additionalProperties' && i.pointer === objectPointer);
      }),
      { numRuns: 300 },
    );
    expect([...labels].sort()).toEqual(['unknown-property (root)', 'unknown-property /data', 'unknown-property /data/settings']);
  });

  it('does not exist where every object is open (gridX’s spec has no closed object)', () => {
    const open = engineFromSpec(parseSpec(objectsSpec(false), 'open.yaml'));
    expect(() => invalidEventArbitrary(open.catalogue, open.catalogue.get('probe/event'), { kinds: ['unknown-property'] })).toThrow(RangeError);
    const { catalogue } = defaultEngine();
    for (const eventType of catalogue.types) {
      expect(() => invalidEventArbitrary(catalogue, eventType, { kinds: ['unknown-property'] })).toThrow(RangeError);
    }
  });
});
