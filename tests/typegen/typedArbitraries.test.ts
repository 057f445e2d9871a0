import fc from 'fast-check';
import { createEngine } from '../../src/engine';
import type { EvPluggedEvent, GridxEvent, GridxEventOf } from '../../src/generated/gridxEvents';
import { anyTypedEventArbitrary, typedEventArbitrary } from '../../src/typegen';

// Typed arbitraries: the static types come from the generated definitions (checked by tsc in
// `npm test`), the values from the engine; both must agree.
const engine = createEngine();

describe('typedEventArbitrary', () => {
  it('is typed per event type, and its events validate as that type', () => {
    const plugged: fc.Arbitrary<EvPluggedEvent> = typedEventArbitrary(engine, 'ev/plugged');
    fc.assert(
      fc.property(plugged, (event) => {
        const state: 'PLUGGED' | 'UNPLUGGED' = event.data.state;
        const atHome: boolean = event.data.atHome;
        expect(event.type).toBe('ev/plugged');
        return ['PLUGGED', 'UNPLUGGED'].includes(state) && typeof atHome === 'boolean' && engine.validators.validateAs('ev/plugged', event).valid;
      }),
      { numRuns: 200 },
    );
  });

  it('passes the options through (here: no optional field)', () => {
    const [event] = fc.sample(typedEventArbitrary(engine, 'gateway/create', { presence: 'minimal' }), { numRuns: 1, seed: 1 });
    expect(Object.keys(event?.data ?? {}).sort()).toEqual(['gatewayID', 'systemID']);
  });

  it('narrows the union on type', () => {
    fc.assert(
      fc.property(anyTypedEventArbitrary(engine, { types: ['ev/measurement', 'system/action'] }), (event: GridxEvent) => {
        switch (event.type) {
          case 'ev/measurement':
            return Number.isInteger(event.data.chargePower);
          case 'system/action':
            return ['Account', 'Device'].includes(event.data.domain);
          default:
            return false;
        }
      }),
      { numRuns: 100 },
    );
  });

  it('rejects unknown types at compile time and at run time', () => {
    // @ts-expect-error not an event type of the spec
    expect(() => typedEventArbitrary(engine, 'ev/teleported')).toThrow('unknown event type "ev/teleported"');
    const ping: GridxEventOf<'ping'>['type'] = 'ping';
    expect(ping).toBe('ping');
  });
});
