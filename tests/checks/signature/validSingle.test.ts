import { defectiveReceiver } from '../support/receivers';
import { closeAfterEach } from '../../support/servers';
import { runCheck, runCheckOnReference } from '../support/runCheck';

describe('sig-valid-single (SIG-1)', () => {
  const closing = closeAfterEach();

  it('passes against the reference receiver', async () => {
    const report = await runCheckOnReference('sig-valid-single');
    expect(report).toMatchObject({ status: 'pass', requirement: 'SIG-1', failures: [] });
    expect(report.cases).toBe(20);
  });

  it('fails against a receiver that rejects every signature', async () => {
    const broken = await closing(
      defectiveReceiver((_req, _body, res) => {
        res.writeHead(401).end();
        return true;
      }),
    );
    const report = await runCheck('sig-valid-single', broken.url);
    expect(report.status).toBe('fail');
    expect(report.failures).toHaveLength(1);
    expect(report.failures[0]).toMatchObject({ expected: expect.stringContaining('success'), actual: expect.stringContaining('401') });
  });
});
