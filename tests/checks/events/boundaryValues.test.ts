import fc from 'fast-check';
import { boundaryEventArbitrary } from '../../../src/arbitraries/boundaryEventArbitrary';
import { boundarySites } from '../../../src/arbitraries/boundarySites';
import { DEFAULT_MAX_EVENT_BYTES } from '../../../src/arbitraries/bodyBudget';
import { serialiseEvent } from '../../../src/serialise';
import { defaultEngine } from '../../support/engine';
import { runCheck, runCheckOnReference } from '../support/runCheck';
import { DEFECTS } from './support/defects';
import { otherEventChecksNotPassing, statuses } from './support/area';
import { receiverPool } from './support/receivers';

const { catalogue, validators } = defaultEngine();

describe('boundary events', () => {
  it.each(catalogue.types.map((t) => [t.type, t] as const))('of %s are valid under the spec, as sent', (_name, eventType) => {
    fc.assert(
      fc.property(boundaryEventArbitrary(eventType, DEFAULT_MAX_EVENT_BYTES), ({ event }) => {
        const result = validators.validateBytes(serialiseEvent(event));
        if (!result.valid) throw new Error(JSON.stringify(result.issues));
      }),
      { numRuns: 40 },
    );
  });

  it('reach the edges the contract names, found from the schemas alone', () => {
    const values = (type: string, pointer: string): unknown[] =>
      boundarySites(catalogue.get(type))
        .find((s) => s.pointer === pointer)
        ?.boundaries.map((b) => b.value) ?? [];
    const power = values('ev/measurement', '/data/chargePower');
    expect(power).toEqual(expect.arrayContaining([-(2 ** 63), 2 ** 63 - 1024, -1, 2 ** 53]));
    expect(serialiseEvent({ p: 2 ** 63 - 1024 }).toString()).toBe('{"p":9223372036854774784}');
    expect(values('ev/measurement', '/data/stateOfCharge')).toEqual(expect.arrayContaining([0, 100]));
    expect(values('ev/measurement', '/data/range')).not.toContain(-1);
    const texts = values('ping', '/data/message') as string[];
    expect(texts).toEqual(expect.arrayContaining(['', 'line\u2028separator\u2029paragraph', '<script>&amp;</script>']));
    expect(texts.some((s) => s.length >= 10_000)).toBe(true);
    expect(texts.some((s) => /[\u{10000}-\u{10ffff}]/u.test(s))).toBe(true);
    const times = values('ping', '/time') as string[];
    expect(times.some((t) => /[+-]\d\d:\d\d$/.test(t))).toBe(true);
    expect(times.some((t) => /\.\d{9}/.test(t))).toBe(true);
  });
});

describe('evt-boundary-values (EVT-4)', () => {
  const receivers = receiverPool();
  const nonDeprecated = catalogue.types.filter((t) => !t.deprecated);

  it('passes against the reference receiver', async () => {
    const report = await runCheckOnReference('evt-boundary-values');
    expect(report).toMatchObject({ status: 'pass', requirement: 'EVT-4', severity: 'required', failures: [] });
    expect(report.cases).toBe(nonDeprecated.length * 10);
  });

  it('fails, naming type and field, against a receiver that stores chargePower in a double', async () => {
    const report = await runCheck('evt-boundary-values', (await receivers.defective('refusesUnsafeChargePower')).url);
    expect(report.status).toBe('fail');
    expect(report.failures).toHaveLength(1);
    // Shrunk: every other field back to a plain value, chargePower at an unsafe integer.
    expect(report.failures[0]?.label).toMatch(/^boundary values: \/data\/chargePower = -?\d{16,19}( \((largest|smallest) allowed\))? \(ev\/measurement\)$/);
    expect(report.failures[0]?.actual).toContain('400');
  });

  it('fails against a receiver that crashes on long strings', async () => {
    const report = await runCheck('evt-boundary-values', (await receivers.defective('crashesOnLongStrings')).url);
    expect(report.status).toBe('fail');
    expect(report.failures.length).toBeGreaterThan(1);
    for (const failure of report.failures) expect(failure.label).toMatch(/^boundary values: \/[\w/]+ = \d+ (UTF-16 units|non-BMP characters)[^;]*\([^)]+\)$/);
  });

  it('fails against a receiver that crashes on characters outside the BMP', async () => {
    const report = await runCheck('evt-boundary-values', (await receivers.defective('crashesOnNonBmpText')).url);
    expect(report.status).toBe('fail');
    for (const failure of report.failures) {
      expect(failure.label).toMatch(/^boundary values: \/[\w/]+ = [^;]+ \([^)]+\)$/);
      expect(failure.label).toMatch(/[\u{10000}-\u{10ffff}]|non-BMP/u);
    }
  });

  it('fails against a receiver that refuses date-times with an offset', async () => {
    const report = await runCheck('evt-boundary-values', (await receivers.defective('refusesOffsetTimes')).url);
    expect(report.status).toBe('fail');
    expect(report.failures).toHaveLength(nonDeprecated.length);
    for (const failure of report.failures) expect(failure.label).toMatch(/^boundary values: \/time = \S+[+-]\d\d:\d\d \(/);
  });

  // EVT-1 draws every field across its whole range, edges included, so it may fail as well.
  it('is, with EVT-1, the only check those defects break', async () => {
    const defects = [DEFECTS.crashesOnLongStrings, DEFECTS.crashesOnNonBmpText, DEFECTS.refusesUnsafeChargePower, DEFECTS.refusesOffsetTimes];
    const fragile = await receivers.custom((req, body, res) => defects.some((defect) => defect(req, body, res)));
    expect(statuses(await otherEventChecksNotPassing(fragile.url, ['evt-boundary-values', 'evt-valid-events']))).toEqual([]);
  });
});
