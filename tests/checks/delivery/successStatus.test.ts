import { defectiveReceiver } from '../support/receivers';
import { closeAfterEach, type RunningReceiver } from '../../support/servers';
import { runCheck, runCheckOnReference } from '../support/runCheck';

describe('dlv-success-status (DLV-2)', () => {
  const closing = closeAfterEach();

  const answering = async (status: number): Promise<RunningReceiver> => {
    const receiver = await closing(
      defectiveReceiver((_req, _body, res) => {
        res.writeHead(status).end();
        return true;
      }),
    );
    return receiver;
  };

  it('passes against the reference receiver', async () => {
    const report = await runCheckOnReference('dlv-success-status', { runs: 10 });
    expect(report).toMatchObject({ status: 'pass', requirement: 'DLV-2', cases: 10, failures: [] });
  });

  it.each([200, 201, 204])('passes against a receiver answering %i', async (status) => {
    expect(await runCheck('dlv-success-status', (await answering(status)).url, { runs: 3 })).toMatchObject({ status: 'pass' });
  });

  it.each([203, 206, 299])('fails against a receiver answering %i, saying gridX drops the event', async (status) => {
    const report = await runCheck('dlv-success-status', (await answering(status)).url, { runs: 5 });
    expect(report).toMatchObject({ status: 'fail', requirement: 'DLV-2' });
    expect(report.failures).toHaveLength(1);
    expect(report.failures[0]?.expected).toContain(`200, 201, 202 or 204: gridX counts any other 2xx (here ${status}) as a permanent error`);
    expect(report.failures[0]?.actual).toMatch(new RegExp(`^${status} permanent`));
  });

  it('is blocked by EVT-1, not failed, against a receiver refusing valid events (a 400 is no non-standard success)', async () => {
    const report = await runCheck('dlv-success-status', (await answering(400)).url, { runs: 3 });
    expect(report).toMatchObject({ status: 'blocked', blockedBy: ['EVT-1'], failures: [], cases: 3 });
    expect(report.note).toMatch(/^blocked by EVT-1: a correctly signed valid event was refused \(400 permanent/);
  });
});
