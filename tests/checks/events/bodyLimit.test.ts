import { DEFAULT_MAX_EVENT_BYTES } from '../../../src/arbitraries/bodyBudget';
import { OPTION_RANGES } from '../../../src/optionRanges';
import { closeAfterEach } from '../../support/servers';
import { certify } from '../support/runCheck';
import { reportShapeErrors } from '../../reports/support/reportSchema';
import { bodyLimitedReceiver, EXPRESS_DEFAULT_LIMIT, type SentBodies } from './support/bodyLimit';

const fresh = (): SentBodies => ({ largest: 0, longestString: 0, refused: 0 });

describe('the body-size budget (--max-event-bytes)', () => {
  const closing = closeAfterEach();

  it('a correct Express-style receiver with the default 100 KB body limit passes a full certify; no body exceeds 64 KiB, EVT-4 still sends a 10,000-character field', async () => {
    const sent = fresh();
    const receiver = await closing(bodyLimitedReceiver(EXPRESS_DEFAULT_LIMIT, sent));
    const report = await certify(receiver.url, { runs: 10 });
    expect(report.checks.filter((c) => c.status !== 'pass' && c.requirement !== 'TLS-1').map((c) => `${c.id}: ${c.status} ${c.note ?? ''}`)).toEqual([]);
    expect(report.verdict).toBe('pass');
    expect(report.options.maxEventBytes).toBe(DEFAULT_MAX_EVENT_BYTES);
    expect(sent.refused).toBe(0);
    expect(sent.largest).toBeLessThanOrEqual(DEFAULT_MAX_EVENT_BYTES);
    expect(sent.longestString).toBeGreaterThanOrEqual(10_000);
  });

  // The checks whose bodies are the largest (long texts; whitespace added to the same event): the
  // other arbitraries' budget is shown by tests/arbitraries/bodyBudget.test.ts, the default one above.
  it('at the smallest budget EVT-4 and SIG-8 still pass, EVT-4 with a 10,000-character field, and no body sent is larger', async () => {
    const budget = OPTION_RANGES['--max-event-bytes'].min;
    const sent = fresh();
    const receiver = await closing(bodyLimitedReceiver(EXPRESS_DEFAULT_LIMIT, sent));
    const report = await certify(receiver.url, { maxEventBytes: budget, runs: 5, checks: ['EVT-4', 'SIG-8'] });
    expect(report.checks.map((c) => `${c.requirement}: ${c.status}`)).toEqual(['SIG-8: pass', 'EVT-4: pass']);
    expect(report.options.maxEventBytes).toBe(budget);
    expect(sent.largest).toBeLessThanOrEqual(budget);
    expect(sent.longestString).toBeGreaterThanOrEqual(10_000);
  });

  it('a receiver with a 4 KB body limit gets one 413 finding, with the sizes refused and accepted; only EVT-4 fails', async () => {
    const limit = 4 * 1024;
    const receiver = await closing(bodyLimitedReceiver(limit));
    const report = await certify(receiver.url, { runs: 10 });
    expect(report.verdict).toBe('fail');
    const failing = report.requirements.filter((r) => r.status === 'fail').map((r) => r.id);
    expect(failing).toEqual(['EVT-4']);
    const tooLarge = (report.findings ?? []).filter((f) => f.answer?.status === 413);
    expect(tooLarge).toHaveLength(1);
    const [finding] = tooLarge;
    expect(report.findings?.[0]).toBe(finding);
    expect(finding?.explains).toContain('EVT-4');
    expect(finding?.bodyLimit).toMatchObject({ budgetBytes: DEFAULT_MAX_EVENT_BYTES });
    const sizes = finding?.bodyLimit;
    expect(sizes?.refusedFromBytes).toBeGreaterThan(limit);
    expect(sizes?.refusedUpToBytes).toBeLessThanOrEqual(DEFAULT_MAX_EVENT_BYTES);
    expect(sizes?.acceptedUpToBytes).toBeLessThanOrEqual(limit);
    expect(finding?.title).toContain(`Your body limit is below ${sizes?.refusedFromBytes.toLocaleString('en-US')} bytes; gridX events are a few KB`);
    expect(finding?.title).toMatch(/^Bodies of [\d,]+ bytes and more are refused: 413 Payload Too Large\. /);
    expect(finding?.title).toContain(`accepted: bodies up to ${sizes?.acceptedUpToBytes?.toLocaleString('en-US')} bytes`);
    expect(reportShapeErrors(JSON.parse(JSON.stringify(report)))).toEqual([]);
  });

  it('is a documented option range, refused outside it with a one-line error', async () => {
    await expect(certify('http://127.0.0.1:1/hooks', { maxEventBytes: 1024 })).rejects.toThrow('--max-event-bytes must be a whole number from 16384 to 16777216, got "1024"');
    await expect(certify('http://127.0.0.1:1/hooks', { maxEventBytes: 20_000.5 })).rejects.toThrow(/--max-event-bytes must be a whole number/);
  });
});
