import fc from 'fast-check';
import { uuidArbitrary } from '../../src/arbitraries/uuid';
import { daysIn } from '../../src/arbitraries/dateTime';

describe('uuidArbitrary: fast-check’s unbiased uuids, written out by table', () => {
  it('draws exactly the values fc.noBias(fc.uuid()) draws from the same seed', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 20 }), (seed, numRuns) => {
        expect(fc.sample(uuidArbitrary(), { seed, numRuns })).toEqual(fc.sample(fc.noBias(fc.uuid()), { seed, numRuns }));
      }),
      { numRuns: 200 },
    );
  });

  it('keeps shrinking: a failure shrinks to the smallest uuid that still fails', () => {
    const details = fc.check(
      fc.property(uuidArbitrary(), (id) => id < '8'),
      { seed: 3 },
    );
    expect(details.failed).toBe(true);
    expect(details.counterexample).toEqual(['80000000-0000-1000-8000-000000000000']);
  });
});

describe('daysIn', () => {
  it('agrees with the calendar of Date for every month of the years events are drawn from', () => {
    const months = Array.from({ length: 300 * 12 }, (_, i) => [1900 + Math.floor(i / 12), (i % 12) + 1] as const);
    expect(months.map(([year, month]) => [year, month, daysIn(year, month)])).toEqual(
      months.map(([year, month]) => [year, month, new Date(Date.UTC(year, month, 0)).getUTCDate()]),
    );
  });
});
