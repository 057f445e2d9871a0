import { runCheck, runCheckOnReference } from '../support/runCheck';
import { firstDigestOnly, receiverVerifyingWith } from './defects';
import { closeAfterEach } from '../../support/servers';

describe('sig-rotation (SIG-6)', () => {
  const track = closeAfterEach();

  it('passes against the reference receiver, with one secret or during a rotation', async () => {
    const report = await runCheckOnReference('sig-rotation', { secrets: ['new-secret', 'old-secret'] });
    expect(report).toMatchObject({ status: 'pass', requirement: 'SIG-6', cases: 20, failures: [] });
  });

  it('fails against a receiver that honours only the first digest, shrunk to two digests with the matching one second', async () => {
    const broken = await track(receiverVerifyingWith(firstDigestOnly));
    const report = await runCheck('sig-rotation', broken.url);
    expect(report).toMatchObject({ status: 'fail', requirement: 'SIG-6' });
    expect(report.failures).toHaveLength(1);
    const [failure] = report.failures;
    expect(failure).toMatchObject({
      label: expect.stringMatching(/^rotation: 2 digests, the matching one at position 2 /),
      expected: expect.stringContaining('success'),
      actual: expect.stringMatching(/^401 permanent/),
    });
    expect(failure?.request.signature.parts).toEqual([
      expect.stringMatching(/^sha512=[0-9a-f]{128}, sha512=$/),
      { digest: { secretIndex: 0, algorithm: 'sha512', over: 'sent-body', upperCase: false } },
    ]);
  });
});
