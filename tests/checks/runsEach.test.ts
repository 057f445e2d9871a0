import fc from 'fast-check';
import { MIN_RUNS_PER_PROPERTY, runsEach } from '../../src/checks/runsEach';
import { NO_TYPES_NOTE, skipWithoutTypes } from '../../src/checks/skipWithoutTypes';

describe('runsEach', () => {
  it('gives every part its share of --runs, never fewer than the floor', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1, max: 20 }), (runs, parts, floor) => {
        const each = runsEach({ runs }, parts, floor);
        expect(each).toBeGreaterThanOrEqual(floor);
        expect(each * parts).toBeGreaterThanOrEqual(runs);
        // No more than one case above an even split, unless the floor asks for it.
        expect(each === floor || (each - 1) * parts < runs).toBe(true);
      }),
    );
  });

  it('uses MIN_RUNS_PER_PROPERTY as the default floor', () => {
    expect(runsEach({ runs: 1 }, 4)).toBe(MIN_RUNS_PER_PROPERTY);
    expect(runsEach({ runs: 100 }, 4)).toBe(25);
  });
});

describe('skipWithoutTypes', () => {
  it('skips with the note when there is no type, and lets the check run otherwise', () => {
    expect(skipWithoutTypes([])).toEqual({ status: 'skip', cases: 0, failures: [], note: NO_TYPES_NOTE });
    expect(skipWithoutTypes([], 'no deprecated event type selected')).toMatchObject({ note: 'no deprecated event type selected' });
    expect(skipWithoutTypes(['ping'])).toBeUndefined();
  });
});
