import { defectiveReceiver } from '../support/receivers';
import { closeAfterEach } from '../../support/servers';
import { runCheck, runCheckOnReference } from '../support/runCheck';

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
});
