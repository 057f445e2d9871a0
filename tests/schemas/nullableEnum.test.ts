import fc from 'fast-check';
import { eventArbitrary, invalidEventArbitrary } from '../../src/arbitraries';
import { engineFromSpec } from '../../src/engine';
import { parseSpec } from '../../src/spec';
import { specWithData } from '../support/generatedSpecs';

// OpenAPI 3.0.3: `nullable: true` widens `type`; an `enum` beside it still lists every allowed
// value, so null is allowed only when the enum lists it (README, "How the spec is read").
const SPEC = specWithData('SwitchData', {
  SwitchData: `type: object
required: [mode, fallback, note]
properties:
  mode:
    type: string
    enum: [ON, OFF]
    nullable: true
  fallback:
    type: string
    enum: [ON, null]
    nullable: true
  note:
    type: string
    nullable: true`,
});

describe('nullable beside an enum', () => {
  const engine = engineFromSpec(parseSpec(SPEC, 'nullable-enum.yaml'));
  const switchSet = engine.catalogue.get('probe/event');
  const event = (data: Record<string, unknown>): unknown => ({
    id: '5eda17ec-4dc9-46d5-b3b8-c396f75a760f',
    type: 'probe/event',
    data: { mode: 'ON', fallback: 'ON', note: 'x', ...data },
  });

  it('refuses null for an enum that does not list it, and accepts it where the enum or the type allows it', () => {
    expect(engine.validators.validateAs('probe/event', event({}))).toEqual({ valid: true, type: 'probe/event' });
    const modeNull = engine.validators.validateAs('probe/event', event({ mode: null }));
    expect(modeNull.valid).toBe(false);
    if (!modeNull.valid) expect(new Set(modeNull.issues.map((i) => i.pointer))).toEqual(new Set(['/data/mode']));
    expect(engine.validators.validateAs('probe/event', event({ fallback: null })).valid).toBe(true);
    expect(engine.validators.validateAs('probe/event', event({ note: null })).valid).toBe(true);
  });

  it('never generates null where it is not allowed, and does generate it where it is', () => {
    const seen = { modeNull: false, fallbackNull: false, noteNull: false };
    fc.assert(
      fc.property(eventArbitrary(switchSet), (generated) => {
        const data = (generated as { data: Record<string, unknown> }).data;
        seen.modeNull ||= data.mode === null;
        seen.fallbackNull ||= data.fallback === null;
        seen.noteNull ||= data.note === null;
        return engine.validators.validateAs('probe/event', generated).valid;
      }),
      { numRuns: 300 },
    );
    expect(seen).toEqual({ modeNull: false, fallbackNull: true, noteNull: true });
  });

  it('sends null as a wrong type for the enum that does not list it, and the validator refuses each such case', () => {
    let nullForMode = false;
    fc.assert(
      fc.property(invalidEventArbitrary(engine.catalogue, switchSet, { kinds: ['wrong-type'] }), (c) => {
        if (c.pointer === '/data/mode' && (c.event as { data: { mode: unknown } }).data.mode === null) nullForMode = true;
        return !engine.validators.validateBytes(c.body).valid;
      }),
      { numRuns: 300 },
    );
    expect(nullForMode).toBe(true);
  });
});
