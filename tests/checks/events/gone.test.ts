import { EVENT_CHECKS } from '../../../src/checks/events';
import { goneMessage } from '../../../src/checks/goneMessage';
import { defaultEngine } from '../../support/engine';
import { certify, runCheckOnReference } from '../support/runCheck';
import { receiverPool } from './support/receivers';

describe('gone-valid-event (GONE-1)', () => {
  const receivers = receiverPool();

  it('passes against the reference receiver', async () => {
    const report = await runCheckOnReference('gone-valid-event');
    expect(report).toMatchObject({ status: 'pass', requirement: 'GONE-1', severity: 'informational', failures: [], cases: 5 });
    expect(report.note).toBeUndefined();
  });

  it('warns loudly against a receiver answering 410, and the run reports it gone', async () => {
    const url = (await receivers.defective('goneForEverything')).url;
    const run = await certify(url, { checks: ['gone-valid-event'] });
    const [report] = run.checks;
    expect(report).toMatchObject({ status: 'warn', requirement: 'GONE-1', cases: 1 });
    expect(report?.failures).toHaveLength(1);
    expect(report?.failures[0]).toMatchObject({ expected: 'anything but 410 Gone', actual: expect.stringContaining('410') });
    expect(report?.note).toMatch(/^RECEIVER GONE: .*DELETES THE WEBHOOK SUBSCRIPTION/);
    expect(run.gone).toEqual({ caseLabel: 'valid event' });
    expect(run.verdict).toBe('pass'); // informational: never fails the verdict by itself
  });

  it('does not pass when a 410 elsewhere in the run stopped it early', async () => {
    const deprecated = new Set(
      defaultEngine()
        .catalogue.types.filter((t) => t.deprecated)
        .map((t) => t.type),
    );
    // 410 for deprecated types only; everything else answered by the sound receiver after 50 ms.
    const url = (
      await receivers.custom((_req, body, res) => {
        const type = (JSON.parse(body.toString('utf8')) as { type?: string }).type ?? '';
        if (deprecated.has(type)) res.writeHead(410).end();
        return deprecated.has(type);
      }, 50)
    ).url;
    const run = await certify(url, { checks: ['evt-deprecated-types', 'gone-valid-event'], concurrency: 2 });
    expect(run.gone?.caseLabel).toBe('deprecated type');
    expect(run.checks[1]).toMatchObject({ id: 'gone-valid-event', status: 'skip', note: expect.stringContaining('410 Gone') });
  });

  it('names a 410 met by an earlier check on GONE-1 in the words the console shouts', async () => {
    const url = (await receivers.defective('goneForEverything')).url;
    const run = await certify(url, { checks: ['evt-deprecated-types', 'gone-valid-event'], concurrency: 1 });
    expect(run.gone?.caseLabel).toBe('deprecated type');
    expect(run.checks.find((c) => c.id === 'gone-valid-event')).toMatchObject({ status: 'warn', note: goneMessage('deprecated type') });
  });

  it('stops the whole events area at the first 410', async () => {
    const url = (await receivers.defective('goneForEverything')).url;
    const run = await certify(url, { checks: EVENT_CHECKS.map((c) => c.id), concurrency: 1 });
    expect(run.gone).toBeDefined();
    expect(run.summary.cases).toBe(1);
    expect(run.checks.filter((c) => c.status === 'pass')).toEqual([]);
  });
});
