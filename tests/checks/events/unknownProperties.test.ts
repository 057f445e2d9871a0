import { unknownPropertyPointers } from '../../../src/schemas/unknownPropertyPointers';
import { defaultEngine } from '../../support/engine';
import { runCheck, runCheckOnReference } from '../support/runCheck';
import { otherEventChecksNotPassing, statuses } from './support/area';
import { receiverPool } from './support/receivers';

const { catalogue } = defaultEngine();
const types = catalogue.types.filter((t) => !t.deprecated);

describe('evt-unknown-properties (EVT-3)', () => {
  const receivers = receiverPool();

  it('passes against the reference receiver', async () => {
    const report = await runCheckOnReference('evt-unknown-properties');
    expect(report).toMatchObject({ status: 'pass', requirement: 'EVT-3', severity: 'required', failures: [] });
    expect(report.cases).toBe(types.length * 5);
  });

  it('fails for every type against a strict decoder, naming the unknown properties', async () => {
    const report = await runCheck('evt-unknown-properties', (await receivers.defective('rejectsUnknownFields')).url);
    expect(report.status).toBe('fail');
    expect(report.failures.map((f) => f.label.replace(/^.*\((.+)\)$/, '$1'))).toEqual(types.map((t) => t.type));
    for (const failure of report.failures) {
      expect(failure.actual).toContain('400');
      const event = JSON.parse(failure.request.bodyText ?? '{}') as Record<string, unknown>;
      const unknown = unknownPropertyPointers(catalogue.get(String(event.type)).schema, event);
      expect(unknown.some((p) => !p.startsWith('/data/'))).toBe(true);
      expect(unknown.some((p) => p.startsWith('/data/'))).toBe(true);
      expect(failure.label).toBe(`unknown properties: ${unknown.join(', ')} (${String(event.type)})`);
    }
  });

  it('is the only event check a strict decoder breaks', async () => {
    const url = (await receivers.defective('rejectsUnknownFields')).url;
    expect(statuses(await otherEventChecksNotPassing(url, ['evt-unknown-properties']))).toEqual([]);
  });
});
