import fc from 'fast-check';
import { eventArbitrary } from '../../src/arbitraries';
import { boundarySites } from '../../src/arbitraries/boundarySites';
import { DEFAULT_MAX_EVENT_BYTES, fitsBudget } from '../../src/arbitraries/bodyBudget';
import { boundaryEventArbitrary } from '../../src/arbitraries/boundaryEventArbitrary';
import { OPTION_RANGES } from '../../src/optionRanges';
import { serialiseEvent } from '../../src/serialise';
import { defaultEngine } from '../support/engine';

const { catalogue, validators } = defaultEngine();
const FLOOR = OPTION_RANGES['--max-event-bytes'].min;
const types = catalogue.types.filter((t) => !t.deprecated);
const withLongText = types.filter((t) => boundarySites(t).some((s) => s.boundaries.some((b) => typeof b.value === 'string' && b.value.length >= 10_000)));

function longestString(value: unknown): number {
  if (typeof value === 'string') return value.length;
  if (typeof value !== 'object' || value === null) return 0;
  return Math.max(0, ...Object.values(value).map(longestString));
}

describe('the body-size budget of generated events', () => {
  it('EVT-4 events fit any budget in the documented range and stay valid', () => {
    fc.assert(
      fc.property(fc.constantFrom(...types), fc.integer({ min: FLOOR, max: 2 * DEFAULT_MAX_EVENT_BYTES }), fc.integer(), (eventType, budget, seed) => {
        const [boundary] = fc.sample(boundaryEventArbitrary(eventType, budget), { seed, numRuns: 1 });
        const bytes = serialiseEvent(boundary?.event);
        expect(bytes.length).toBeLessThanOrEqual(budget);
        expect(validators.validateBytes(bytes)).toMatchObject({ valid: true });
      }),
      { numRuns: 60 },
    );
  });

  it.each([FLOOR, DEFAULT_MAX_EVENT_BYTES])('EVT-4 still sends a 10,000-character field at a budget of %d bytes', (budget) => {
    expect(withLongText.length).toBeGreaterThan(0);
    for (const eventType of withLongText) {
      const samples = fc.sample(boundaryEventArbitrary(eventType, budget), { seed: 3, numRuns: 10 });
      expect([eventType.type, samples.some((s) => longestString(s.event) >= 10_000)]).toEqual([eventType.type, true]);
    }
  });

  it('ordinary events honour maxBytes, and are a few KB without it', () => {
    fc.assert(
      fc.property(fc.constantFrom(...types), fc.integer(), (eventType, seed) => {
        const [limited] = fc.sample(eventArbitrary(eventType, { maxBytes: FLOOR }), { seed, numRuns: 1 });
        expect(fitsBudget(limited, FLOOR)).toBe(true);
        const [free] = fc.sample(eventArbitrary(eventType, { presence: 'full', extraProperties: true }), { seed, numRuns: 1 });
        expect(serialiseEvent(free).length).toBeLessThanOrEqual(FLOOR);
      }),
      { numRuns: 100 },
    );
  });
});
