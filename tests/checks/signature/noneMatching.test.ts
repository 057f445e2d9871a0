import { runCheck, runCheckOnReference } from '../support/runCheck';
import { receiverVerifyingWith, trustsSeveralDigests } from './defects';
import { closeAfterEach } from '../../support/servers';

describe('sig-none-matching (SIG-7)', () => {
  const track = closeAfterEach();

  it('passes against the reference receiver', async () => {
    const report = await runCheckOnReference('sig-none-matching');
    expect(report).toMatchObject({ status: 'pass', requirement: 'SIG-7', cases: 20, failures: [] });
  });

  it('fails against a receiver that skips verification when several digests are sent, shrunk to two', async () => {
    const broken = await track(receiverVerifyingWith(trustsSeveralDigests));
    const report = await runCheck('sig-none-matching', broken.url);
    expect(report).toMatchObject({ status: 'fail', requirement: 'SIG-7' });
    expect(report.failures).toHaveLength(1);
    expect(report.failures[0]).toMatchObject({
      label: expect.stringMatching(/^none-matching: 2 digests, none made with a receiver secret /),
      expected: '401',
      actual: expect.stringMatching(/^202 success/),
    });
    // The same receiver rejects a single wrong digest: the defect is SIG-7's alone.
    expect((await runCheck('sig-wrong-secret', broken.url)).status).toBe('pass');
  });
});
