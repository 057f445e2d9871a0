import { defaultEngine } from '../../support/engine';
import { EVENT_CHECKS } from '../../../src/checks/events';
import { certify, runCheck, runCheckOnReference } from '../support/runCheck';
import { receiverPool } from './support/receivers';

const types = defaultEngine().catalogue.types.filter((t) => !t.deprecated);

describe('evt-valid-events (EVT-1)', () => {
  const receivers = receiverPool();

  it('passes against the reference receiver, sending every non-deprecated type', async () => {
    const report = await runCheckOnReference('evt-valid-events');
    expect(report).toMatchObject({ status: 'pass', requirement: 'EVT-1', severity: 'required', failures: [] });
    // --runs 20 → max(5, 20/4) cases per type.
    expect(report.cases).toBe(types.length * 5);
  });

  it('fails, naming the type, against a receiver with no handler for one type', async () => {
    const report = await runCheck('evt-valid-events', (await receivers.defective('typeNotImplemented')).url);
    expect(report.status).toBe('fail');
    expect(report.failures).toHaveLength(1);
    expect(report.failures[0]).toMatchObject({ label: 'inverter/status (inverter/status)', expected: expect.stringContaining('success'), actual: expect.stringContaining('500') });
  });

  it('fails no other event check: their cases of that type are blocked by EVT-1, the other types judged', async () => {
    const url = (await receivers.defective('typeNotImplemented')).url;
    const run = await certify(url, { checks: EVENT_CHECKS.map((c) => c.id).filter((id) => id !== 'evt-valid-events'), concurrency: 1 });
    expect(run.checks.filter((c) => c.status !== 'pass' && c.status !== 'skip').map((c) => `${c.id}: ${c.status}`)).toEqual([]);
    const partlyBlocked = run.checks.filter((c) => /case\(s\) not judged, blocked by EVT-1: .*\(500 transient/.test(c.note ?? '')).map((c) => c.id);
    expect(partlyBlocked).toEqual(expect.arrayContaining(['evt-minimal-events', 'evt-unknown-properties', 'evt-boundary-values', 'evt-invalid-events']));
  });

  it('checks only the subscribed types', async () => {
    const report = await runCheck('evt-valid-events', (await receivers.defective('typeNotImplemented')).url, { types: ['ping', 'ev/plugged'] });
    expect(report).toMatchObject({ status: 'pass', cases: 10 });
  });

  it('is skipped when only deprecated types are subscribed', async () => {
    const deprecated = defaultEngine()
      .catalogue.types.filter((t) => t.deprecated)
      .map((t) => t.type);
    const report = await runCheckOnReference('evt-valid-events', { types: deprecated });
    expect(report).toMatchObject({ status: 'skip', cases: 0, note: expect.stringContaining('no non-deprecated') });
  });
});
