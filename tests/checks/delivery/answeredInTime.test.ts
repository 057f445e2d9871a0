import { defectiveReceiver } from '../support/receivers';
import { closeAfterEach } from '../../support/servers';
import { certify, runCheck, runCheckOnReference } from '../support/runCheck';

/** Blocks hookproof's own event loop (the test hook of the stall tests): nothing else runs meanwhile. */
function blockLoop(ms: number): void {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    // busy: timers, sockets and the deadline all wait
  }
}

describe('dlv-answered-in-time (DLV-1)', () => {
  const closing = closeAfterEach();

  it('passes against the reference receiver', async () => {
    const report = await runCheckOnReference('dlv-answered-in-time', { runs: 10 });
    expect(report).toMatchObject({ status: 'pass', requirement: 'DLV-1', severity: 'required', cases: 10, failures: [] });
  });

  it('fails against a receiver that answers after the timeout, and stops sending after two timeouts', async () => {
    const slow = await closing(
      defectiveReceiver(async (_req, _body, res) => {
        await new Promise((resolve) => setTimeout(resolve, 400));
        res.writeHead(202).end();
        return true;
      }),
    );
    const report = await runCheck('dlv-answered-in-time', slow.url, { runs: 10, timeoutMs: 150 });
    expect(report).toMatchObject({ status: 'fail', requirement: 'DLV-1' });
    expect(report.cases).toBe(2);
    expect(report.note).toMatch(/timed out 2 time/);
    expect(report.failures[0]).toMatchObject({ expected: expect.stringContaining('within 150 ms'), actual: expect.stringMatching(/^timeout after \d+ ms/) });
    // A lower bound only: the timeout cannot fire early, but a loaded machine may fire it late.
    const waited = Number(/^timeout after (\d+) ms/.exec(report.failures[0]?.actual ?? '')?.[1]);
    expect(waited).toBeGreaterThanOrEqual(150 - 5);
  });

  it('counts any prompt status as answered (which status is right is for other checks)', async () => {
    const refusing = await closing(
      defectiveReceiver((_req, _body, res) => {
        res.writeHead(401).end();
        return true;
      }),
    );
    expect(await runCheck('dlv-answered-in-time', refusing.url, { runs: 5 })).toMatchObject({ status: 'pass', cases: 5 });
  });

  it("judges against gridX's 5 s whatever --timeout-ms: a 6 s answer seen under --timeout-ms 8000 fails and is shown", async () => {
    let hits = 0;
    const slow = await closing(
      defectiveReceiver(async (_req, _body, res) => {
        hits += 1;
        // Only the first answer is slow: shrinking then costs nothing, and the failure is that one.
        if (hits === 1) await new Promise((resolve) => setTimeout(resolve, 6000));
        res.writeHead(202).end();
        return true;
      }),
    );
    const report = await runCheck('dlv-answered-in-time', slow.url, { runs: 1, timeoutMs: 8000 });
    expect(report).toMatchObject({ status: 'fail', requirement: 'DLV-1' });
    expect(report.failures[0]).toMatchObject({ expected: expect.stringContaining('within 5000 ms'), actual: expect.stringMatching(/^202 success in \d+ ms$/) });
    expect(Number(/in (\d+) ms/.exec(report.failures[0]?.actual ?? '')?.[1])).toBeGreaterThan(5000);
  }, 30_000);

  it("does not fail a sound receiver when hookproof's own loop is blocked for 1.5 s during a run (the delivery is re-sent)", async () => {
    const sound = await closing(defectiveReceiver(() => false));
    let deliveries = 0;
    const report = await runCheck('dlv-answered-in-time', sound.url, {
      runs: 4,
      timeoutMs: 1000,
      beforeDelivery: () => {
        deliveries += 1;
        // The second delivery leaves into a stall longer than the whole timeout.
        if (deliveries === 2) setTimeout(() => blockLoop(1500), 0);
        return Promise.resolve();
      },
    });
    expect(report).toMatchObject({ status: 'pass', failures: [] });
    // The signal that the stall was seen: one delivery more than the cases judged.
    expect(deliveries).toBeGreaterThan(report.cases);
  });

  it('reports inconclusive, never fail, when every re-send is stalled too; the verdict is then incomplete', async () => {
    const sound = await closing(defectiveReceiver(() => false));
    let deliveries = 0;
    const report = await certify(sound.url, {
      checks: ['DLV-1'],
      runs: 3,
      timeoutMs: 300,
      beforeDelivery: () => {
        deliveries += 1;
        // The first case and both of its re-sends.
        if (deliveries <= 3) setTimeout(() => blockLoop(600), 0);
        return Promise.resolve();
      },
    });
    const check = report.checks[0];
    expect(check).toMatchObject({ requirement: 'DLV-1', status: 'inconclusive', failures: [] });
    expect(check?.note).toMatch(/^inconclusive: 1 case\(s\) could not be judged, hookproof's own process stalled \d+ ms/);
    expect(report.verdict).toBe('incomplete');
    expect(report.summary.inconclusive).toBe(1);
  });
});
