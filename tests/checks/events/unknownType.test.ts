import { defaultEngine } from '../../support/engine';
import { runCheck, runCheckOnReference } from '../support/runCheck';
import type { DefectName } from './support/defects';
import { otherEventChecksNotPassing, statuses } from './support/area';
import { receiverPool } from './support/receivers';

const { catalogue } = defaultEngine();

describe('evt-unknown-type (EVT-6)', () => {
  const receivers = receiverPool();

  it('passes against the reference receiver', async () => {
    const report = await runCheckOnReference('evt-unknown-type');
    expect(report).toMatchObject({ status: 'pass', requirement: 'EVT-6', severity: 'recommended', failures: [], cases: 20 });
  });

  it('warns against a receiver that crashes on any unknown type', async () => {
    const report = await runCheck('evt-unknown-type', (await receivers.defective('crashesOnUnknownType')).url);
    expect(report.status).toBe('warn');
    expect(report.failures).toHaveLength(2);
    expect(report.failures[0]).toMatchObject({ label: expect.stringMatching(/^unknown type "hookproof-unknown\/[^"]+" \(.+\)$/), actual: expect.stringContaining('500') });
    expect(report.failures[1]?.label).toMatch(/^unknown type "[^"]+\/hookproof-[^"]+" \(.+\)$/);
  });

  it('warns against a receiver that routes on the family and then fails on a new name in it', async () => {
    const report = await runCheck('evt-unknown-type', (await receivers.defective('crashesOnNewTypeInFamily')).url);
    expect(report.status).toBe('warn');
    expect(report.failures).toHaveLength(1);
    const label = report.failures[0]?.label ?? '';
    const [, unknown, source] = /^unknown type "([^"]+)" \((.+)\)$/.exec(label) ?? [];
    expect(catalogue.has(unknown ?? '')).toBe(false);
    expect(unknown?.slice(0, unknown.lastIndexOf('/'))).toBe(source?.slice(0, source.lastIndexOf('/')));
  });

  it.each<DefectName>(['crashesOnUnknownType', 'crashesOnNewTypeInFamily'])('is the only event check %s breaks', async (defect) => {
    const url = (await receivers.defective(defect)).url;
    expect(statuses(await otherEventChecksNotPassing(url, ['evt-unknown-type']))).toEqual([]);
  });
});
