import { defectiveReceiver } from '../support/receivers';
import { closeAfterEach, serve } from '../../support/servers';
import { runCheck, runCheckOnReference } from '../support/runCheck';

describe('dlv-no-redirects (DLV-3)', () => {
  const closing = closeAfterEach();

  it('passes against the reference receiver', async () => {
    const report = await runCheckOnReference('dlv-no-redirects', { runs: 10 });
    expect(report).toMatchObject({ status: 'pass', requirement: 'DLV-3', cases: 10, failures: [] });
  });

  it.each([301, 302, 307, 308])('fails against a receiver redirecting valid events with %i', async (status) => {
    const redirecting = await closing(
      defectiveReceiver((_req, _body, res) => {
        res.writeHead(status, { location: 'https://elsewhere.example.test/hooks' }).end();
        return true;
      }),
    );
    const report = await runCheck('dlv-no-redirects', redirecting.url, { runs: 5 });
    expect(report).toMatchObject({ status: 'fail', requirement: 'DLV-3' });
    expect(report.failures[0]?.expected).toContain(`does not follow the ${status} redirect to https://elsewhere.example.test/hooks`);
    expect(report.failures[0]?.actual).toMatch(new RegExp(`^${status} permanent`));
  });

  it('never follows a redirect loop: the receiver sees exactly one request per case', async () => {
    let hits = 0;
    const loop = await closing(
      serve((req, res) => {
        hits += 1;
        req.resume();
        res.writeHead(302, { location: req.url ?? '/' }).end();
      }),
    );
    const report = await runCheck('dlv-no-redirects', loop.url, { runs: 5 });
    expect(report.status).toBe('fail');
    expect(report.cases).toBeGreaterThan(1); // the first failure and its shrinks
    expect(hits).toBe(report.cases);
  });
});
