import { defaultEngine } from '../../support/engine';
import { runCheck, runCheckOnReference } from '../support/runCheck';
import { otherEventChecksNotPassing, statuses } from './support/area';
import { receiverPool } from './support/receivers';

const deprecated = defaultEngine()
  .catalogue.types.filter((t) => t.deprecated)
  .map((t) => t.type);

describe('evt-deprecated-types (EVT-5)', () => {
  const receivers = receiverPool();

  it('passes against the reference receiver, which accepts deprecated types', async () => {
    const report = await runCheckOnReference('evt-deprecated-types');
    expect(report).toMatchObject({ status: 'pass', requirement: 'EVT-5', severity: 'recommended', failures: [] });
    expect(report.cases).toBe(deprecated.length * 5);
  });

  it('warns, once per deprecated type, against a receiver that answers them 503', async () => {
    const report = await runCheck('evt-deprecated-types', (await receivers.defective('unavailableForDeprecated')).url);
    expect(report.status).toBe('warn');
    expect(report.failures.map((f) => f.label)).toEqual(deprecated.map((t) => `deprecated type (${t})`));
    expect(report.failures[0]).toMatchObject({
      expected: expect.stringContaining('200, 201, 202 or 204, or a 4xx other than 408 and 429'),
      actual: expect.stringContaining('503'),
    });
  });

  it('is the only event check that defect breaks', async () => {
    const url = (await receivers.defective('unavailableForDeprecated')).url;
    expect(statuses(await otherEventChecksNotPassing(url, ['evt-deprecated-types']))).toEqual([]);
  });

  it('accepts a permanent refusal', async () => {
    const refusing = await receivers.custom((_req, body, res) => {
      if (!deprecated.some((t) => body.includes(JSON.stringify(t)))) return false;
      res.writeHead(422).end();
      return true;
    });
    expect(await runCheck('evt-deprecated-types', refusing.url)).toMatchObject({ status: 'pass' });
  });

  it('is skipped, saying why, when no deprecated type is selected', async () => {
    const report = await runCheckOnReference('evt-deprecated-types', { types: ['ping'] });
    expect(report).toMatchObject({ status: 'skip', cases: 0, note: 'no deprecated event type selected' });
  });
});
