import { defectiveReceiver, soundReceiver, type RunningReceiver } from '../support/receivers';
import { runCheck } from '../support/runCheck';

describe('sig-valid-single (SIG-1)', () => {
  let receivers: RunningReceiver[] = [];
  afterEach(async () => {
    await Promise.all(receivers.map((r) => r.close()));
    receivers = [];
  });

  it('passes against the reference receiver', async () => {
    const sound = await soundReceiver();
    receivers.push(sound);
    const report = await runCheck('sig-valid-single', sound.url);
    expect(report).toMatchObject({ status: 'pass', requirement: 'SIG-1', failures: [] });
    expect(report.cases).toBe(20);
  });

  it('fails against a receiver that rejects every signature', async () => {
    const broken = await defectiveReceiver((_req, _body, res) => {
      res.writeHead(401).end();
      return true;
    });
    receivers.push(broken);
    const report = await runCheck('sig-valid-single', broken.url);
    expect(report.status).toBe('fail');
    expect(report.failures).toHaveLength(1);
    expect(report.failures[0]).toMatchObject({ expected: expect.stringContaining('success'), actual: expect.stringContaining('401') });
  });
});
