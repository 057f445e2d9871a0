import type { ServerResponse } from 'node:http';
import { defectiveReceiver } from '../support/receivers';
import { closeAfterEach, type RunningReceiver } from '../../support/servers';
import { runCheck, runCheckOnReference } from '../support/runCheck';

const idOf = (body: Buffer): string => (JSON.parse(body.toString('utf8')) as { id: string }).id;

describe('dlv-transient-retried (DLV-7, recommended)', () => {
  const closing = closeAfterEach();

  /** Answers `status` to the first `times` deliveries of each event, then lets the reference receiver answer. */
  const failingFirst = async (status: number, times: number, answer = (res: ServerResponse): void => void res.writeHead(status).end()): Promise<RunningReceiver> => {
    const attempts = new Map<string, number>();
    const receiver = await closing(
      defectiveReceiver((_req, body, res) => {
        const id = idOf(body);
        const n = (attempts.get(id) ?? 0) + 1;
        attempts.set(id, n);
        if (n > times) return false;
        answer(res);
        return true;
      }),
    );
    return receiver;
  };

  it('passes against the reference receiver (accepted at the first attempt)', async () => {
    const report = await runCheckOnReference('dlv-transient-retried', { runs: 5 });
    expect(report).toMatchObject({ status: 'pass', requirement: 'DLV-7', severity: 'recommended', cases: 5, failures: [] });
  });

  it.each([503, 429, 500])('passes against a receiver that answers %i once, then accepts the retry', async (status) => {
    const report = await runCheck('dlv-transient-retried', (await failingFirst(status, 1)).url, { runs: 4 });
    expect(report).toMatchObject({ status: 'pass', cases: 8 });
  });

  it('passes when the event is accepted at the fifth retry, the last one gridX makes', async () => {
    const report = await runCheck('dlv-transient-retried', (await failingFirst(503, 5)).url, { runs: 2 });
    expect(report).toMatchObject({ status: 'pass', cases: 12 });
  });

  it('warns against a receiver that always answers 503: all six attempts fail, and the case is not shrunk', async () => {
    const report = await runCheck('dlv-transient-retried', (await failingFirst(503, Infinity)).url, { runs: 5 });
    expect(report).toMatchObject({ status: 'warn', requirement: 'DLV-7' });
    expect(report.cases).toBe(6);
    expect(report.failures).toHaveLength(1);
    expect(report.failures[0]?.actual).toMatch(/^6 attempt\(s\): 503 transient in \d+ ms; 503 transient/);
    expect(report.failures[0]?.expected).toContain("acceptance within gridX's five retries (exponential backoff from 5 ms)");
  });

  it('warns against a receiver that signals a temporary problem with a non-transient status (507), ending gridX retries', async () => {
    const report = await runCheck('dlv-transient-retried', (await failingFirst(507, 1)).url, { runs: 3 });
    expect(report.status).toBe('warn');
    // The 507, then its control: the same delivery again, accepted, so the 507 was a temporary problem.
    expect(report.cases).toBe(2);
    expect(report.failures[0]?.actual).toMatch(/^1 attempt\(s\): 507 permanent/);
    expect(report.failures[0]?.expected).toContain('transient status (408, 429, 500, 502, 503 or 504)');
  });

  it('warns against a receiver that resets the connection instead of answering a transient status', async () => {
    const report = await runCheck('dlv-transient-retried', (await failingFirst(0, 1, (res) => res.socket?.resetAndDestroy())).url, { runs: 3 });
    expect(report.status).toBe('warn');
    expect(report.failures[0]?.actual).toMatch(/^1 attempt\(s\): error CONNECTION_RESET/);
  });
});
