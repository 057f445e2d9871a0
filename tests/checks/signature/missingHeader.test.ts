import { runCheck, runCheckOnReference } from '../support/runCheck';
import { acceptsMissingHeader, receiverVerifyingWith } from './defects';
import { closeAfterEach } from '../../support/servers';

describe('sig-missing-header (SIG-2)', () => {
  const track = closeAfterEach();

  it('passes against the reference receiver', async () => {
    const report = await runCheckOnReference('sig-missing-header');
    expect(report).toMatchObject({ status: 'pass', requirement: 'SIG-2', severity: 'required', cases: 20, failures: [] });
  });

  it('fails against a receiver that verifies a signature only when one is sent', async () => {
    const broken = await track(receiverVerifyingWith(acceptsMissingHeader));
    const report = await runCheck('sig-missing-header', broken.url);
    expect(report).toMatchObject({ status: 'fail', requirement: 'SIG-2' });
    expect(report.failures).toHaveLength(1);
    const [failure] = report.failures;
    expect(failure).toMatchObject({
      case: 'sig-missing-header#1',
      label: expect.stringMatching(/^missing-header: no X-Signature header \(.+\)$/),
      expected: '401',
      actual: expect.stringMatching(/^202 success/),
    });
    expect(failure?.request.signature).toEqual({ parts: null });
  });
});
