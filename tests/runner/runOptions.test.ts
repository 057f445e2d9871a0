import fc from 'fast-check';
import { pickDefined, RUN_OPTION_KEYS } from '../../src/runner/runOptions';

describe('pickDefined: how certify, fleet and a fleet target pass on the options they were given', () => {
  it('keeps exactly the named keys whose value is set, values unchanged', () => {
    const maybe = <T>(value: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(value, { nil: undefined });
    fc.assert(
      fc.property(
        fc.record({
          checks: maybe(fc.array(fc.string())),
          seed: maybe(fc.nat()),
          runs: maybe(fc.nat()),
          timeoutMs: maybe(fc.nat()),
          maxEventBytes: maybe(fc.nat()),
          concurrency: maybe(fc.nat()),
          other: maybe(fc.string()),
        }),
        (source) => {
          const picked = pickDefined(source, RUN_OPTION_KEYS);
          expect(Object.keys(picked).sort()).toEqual(RUN_OPTION_KEYS.filter((key) => source[key] !== undefined).sort());
          for (const [key, value] of Object.entries(picked)) expect(value).toBe(source[key as keyof typeof source]);
        },
      ),
    );
  });

  it('keeps falsy values that are set (0, false, an empty list)', () => {
    expect(pickDefined({ seed: 0, allowHttp: false, checks: [], runs: undefined }, ['seed', 'allowHttp', 'checks', 'runs'])).toEqual({ seed: 0, allowHttp: false, checks: [] });
  });
});
