import fc from 'fast-check';
import { lazy } from './lazy';

const two = (n: number): string => String(n).padStart(2, '0');

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** Days in a month (1 to 12) of the proleptic Gregorian calendar; by rule, not through a Date (a Date per event showed in profiles). */
export function daysIn(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? Number.NaN);
}

/** A calendar date `YYYY-MM-DD` with a real day of the month. */
export const fullDateArbitrary: () => fc.Arbitrary<string> = lazy(() =>
  fc
    .record({ year: fc.integer({ min: 1900, max: 2199 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
    .map(({ year, month, day }) => `${String(year).padStart(4, '0')}-${two(month)}-${two(Math.min(day, daysIn(year, month)))}`),
);

const offset = (): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constant('Z') },
    {
      weight: 2,
      arbitrary: fc
        .record({ sign: fc.constantFrom('+', '-'), hours: fc.integer({ min: 0, max: 23 }), minutes: fc.constantFrom(0, 30, 45, 59) })
        .map(({ sign, hours, minutes }) => `${sign}${two(hours)}:${two(minutes)}`),
    },
  );

/**
 * RFC 3339 date-times as gridX may send them: `Z` or numeric offsets, with or without fractional
 * seconds of 1 to 9 digits. Upper-case `T` and `Z` only: RFC 3339 allows lower case, but it also
 * lets applications refuse it, and gridX never sends it.
 */
export const dateTimeArbitrary: () => fc.Arbitrary<string> = lazy(() =>
  fc
    .record({
      date: fullDateArbitrary(),
      hour: fc.integer({ min: 0, max: 23 }),
      minute: fc.integer({ min: 0, max: 59 }),
      second: fc.integer({ min: 0, max: 59 }),
      fraction: fc.option(fc.stringMatching(/^[0-9]{1,9}$/), { nil: undefined }),
      offset: offset(),
    })
    .map(({ date, hour, minute, second, fraction, offset: tz }) => `${date}T${two(hour)}:${two(minute)}:${two(second)}${fraction === undefined ? '' : `.${fraction}`}${tz}`),
);
