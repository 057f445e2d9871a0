import fc from 'fast-check';
import { minimalEventArbitrary } from '../../../src/arbitraries/minimalEventArbitrary';
import { schemaFields } from '../../../src/schemas/schemaFields';
import { serialiseEvent } from '../../../src/serialise';
import { defaultEngine } from '../../support/engine';
import { runCheck, runCheckOnReference } from '../support/runCheck';
import { otherEventChecksNotPassing, statuses } from './support/area';
import { receiverPool } from './support/receivers';

const { catalogue, validators } = defaultEngine();

describe('minimal events', () => {
  it.each(catalogue.types.map((t) => [t.type, t] as const))('of %s omit every optional field and stay valid', (_name, eventType) => {
    const optional = schemaFields(eventType.schema)
      .filter((f) => !f.requiredInParent)
      .map((f) => f.pointer);
    for (const { event, omitted } of fc.sample(minimalEventArbitrary(eventType), 30)) {
      expect(validators.validateBytes(serialiseEvent(event))).toMatchObject({ valid: true, type: eventType.type });
      const has = (pointer: string): boolean =>
        pointer
          .split('/')
          .slice(1)
          .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], event) !== undefined;
      expect(optional.filter(has)).toEqual([]);
      expect(omitted.every((p) => optional.includes(p))).toBe(true);
    }
  });
});

describe('evt-minimal-events (EVT-2)', () => {
  const receivers = receiverPool();

  it('passes against the reference receiver', async () => {
    const report = await runCheckOnReference('evt-minimal-events');
    expect(report).toMatchObject({ status: 'pass', requirement: 'EVT-2', severity: 'required', failures: [] });
    expect(report.cases).toBe(catalogue.types.filter((t) => !t.deprecated).length * 5);
  });

  it('fails, naming the type and the one absent field, against a receiver that reads an optional field unguarded', async () => {
    const report = await runCheck('evt-minimal-events', (await receivers.defective('crashesOnAbsentOptional')).url);
    expect(report.status).toBe('fail');
    expect(report.failures).toHaveLength(1);
    // Shrinking put every other optional field back: only the culprit is left out.
    expect(report.failures[0]).toMatchObject({ label: 'optional field(s) absent: /data/stateOfCharge (ev/measurement)', actual: expect.stringContaining('500') });
    const sent = JSON.parse(report.failures[0]?.request.bodyText ?? '{}') as { data: Record<string, unknown> };
    expect(sent.data).not.toHaveProperty('stateOfCharge');
    expect(sent.data).toHaveProperty('capacity');
  });

  it('is the only check that defect breaks, besides EVT-1 (whose events also omit fields)', async () => {
    const url = (await receivers.defective('crashesOnAbsentOptional')).url;
    expect(statuses(await otherEventChecksNotPassing(url, ['evt-minimal-events', 'evt-valid-events']))).toEqual([]);
  });
});
