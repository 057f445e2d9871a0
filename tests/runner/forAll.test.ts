import { SHRINK_BUDGET } from '../../src/runner/forAll';
import { runCheck } from '../checks/support/runCheck';
import { closeAfterEach, serve } from '../support/servers';

describe('ctx.forAll against a receiver that fails every case', () => {
  const closing = closeAfterEach();

  it('spends at most the shrink budget on shrinking one failure, and says so', async () => {
    const receiver = await closing(
      serve((req, res) => {
        req.resume();
        // Refused in the words of a strict server, so EVT-3 itself fails (not blocked by EVT-1).
        req.on('end', () => res.writeHead(400, { 'content-type': 'application/json' }).end('{"error":"json: unknown field \\"x\\""}'));
      }),
    );
    // EVT-3's events are large and shrink for hundreds of steps without a budget.
    const report = await runCheck('evt-unknown-properties', receiver.url, { runs: 4, types: ['gateway/create'] });
    expect(report.status).toBe('fail');
    expect(report.failures).toHaveLength(1);
    expect(report.cases).toBe(receiver.hits());
    expect(report.cases).toBeLessThanOrEqual(1 + SHRINK_BUDGET);
    expect(report.cases).toBeGreaterThan(1);
  });
});
