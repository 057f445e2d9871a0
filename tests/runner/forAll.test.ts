import { SHRINK_BUDGET } from '../../src/runner/createCheckContext';
import { serve, type RunningReceiver } from '../checks/support/receivers';
import { runCheck } from '../checks/support/runCheck';

describe('ctx.forAll against a receiver that fails every case', () => {
  let receiver: RunningReceiver;
  let hits = 0;
  beforeAll(async () => {
    receiver = await serve((req, res) => {
      hits += 1;
      req.resume();
      // Refused in the words of a strict server, so EVT-3 itself fails (not blocked by EVT-1).
      req.on('end', () => res.writeHead(400, { 'content-type': 'application/json' }).end('{"error":"json: unknown field \\"x\\""}'));
    });
  });
  afterAll(() => receiver.close());

  it('spends at most the shrink budget on shrinking one failure, and says so', async () => {
    hits = 0;
    // EVT-3's events are large and shrink for hundreds of steps without a budget.
    const report = await runCheck('evt-unknown-properties', receiver.url, { runs: 4, types: ['gateway/create'] });
    expect(report.status).toBe('fail');
    expect(report.failures).toHaveLength(1);
    expect(report.cases).toBe(hits);
    expect(report.cases).toBeLessThanOrEqual(1 + SHRINK_BUDGET);
    expect(report.cases).toBeGreaterThan(1);
  });
});
