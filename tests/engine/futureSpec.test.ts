import fc from 'fast-check';
import { join } from 'node:path';
import { eventArbitrary, invalidEventArbitrary } from '../../src/arbitraries';
import { createEngine } from '../../src/engine';
import { serialiseEvent } from '../../src/serialise';
import { buildSignatureVectors, signatureCaseArbitrary, verifySignature } from '../../src/signing';
import { RUNS_PER_TYPE } from '../support/runs';

// A later version of the spec: inverter/status removed, battery/health added (nested objects, an
// array of objects, enums, uuid/date-time/int32/uint32/float formats, a nullable field).
// Nothing in src/ names either type: this suite proves the engine follows the file.
const FUTURE = join(__dirname, '..', 'fixtures', 'specs', 'future-spec.yaml');
const engine = createEngine({ specPath: FUTURE });
const battery = engine.catalogue.get('battery/health');

describe('a future spec flows through the whole engine with no code change', () => {
  it('catalogues the new type and drops the removed one', () => {
    expect(engine.catalogue.has('inverter/status')).toBe(false);
    expect(battery.requiredPaths.length).toBeGreaterThan(5);
    expect(battery.optionalPaths.length).toBeGreaterThan(0);
    expect(() => createEngine().catalogue.get('battery/health')).toThrow(/unknown event type "battery\/health"/);
  });

  it('generates valid events of the new type, nested fields and nulls included', () => {
    const seenNull = new Set<boolean>();
    fc.assert(
      fc.property(eventArbitrary(battery), (event) => {
        const result = engine.validators.validateBytes(serialiseEvent(event));
        if (!result.valid) throw new Error(JSON.stringify(result.issues));
        seenNull.add(JSON.stringify(event).includes('null'));
      }),
      { numRuns: RUNS_PER_TYPE },
    );
    expect(seenNull).toEqual(new Set([true, false]));
  });

  it('makes labelled invalid events of the new type that the validator rejects', () => {
    const kinds = new Set<string>();
    fc.assert(
      fc.property(invalidEventArbitrary(engine.catalogue, battery), (c) => {
        kinds.add(c.kind);
        return !engine.validators.validateBytes(c.body).valid;
      }),
      { numRuns: 500 },
    );
    expect([...kinds]).toEqual(expect.arrayContaining(['missing-required', 'wrong-type', 'enum-outside', 'bad-format', 'out-of-range', 'unknown-type']));
  });

  it('signs its events and builds vectors from them', () => {
    const [event] = fc.sample(eventArbitrary(battery), { seed: 3, numRuns: 1 });
    const body = serialiseEvent(event);
    for (const c of fc.sample(signatureCaseArbitrary(body, ['k1']), { seed: 3, numRuns: 50 })) {
      expect(verifySignature(c.body, c.header, ['k1']).valid).toBe(c.expected === 'accept');
    }
    expect(buildSignatureVectors({ bodies: [body.toString('utf8')], seed: 3 }).length).toBeGreaterThan(10);
  });
});
