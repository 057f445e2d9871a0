import { runCheck, runCheckOnReference } from '../support/runCheck';
import { hardCodedSecret, receiverVerifyingWith, trustsWellFormedHeader } from './defects';
import { closeAfterEach } from '../../support/servers';

describe('sig-wrong-secret (SIG-3)', () => {
  const track = closeAfterEach();

  it('passes against the reference receiver', async () => {
    const report = await runCheckOnReference('sig-wrong-secret');
    expect(report).toMatchObject({ status: 'pass', requirement: 'SIG-3', cases: 20, failures: [] });
  });

  it('fails against a receiver that trusts any header matching the spec pattern, without computing an HMAC', async () => {
    const broken = await track(receiverVerifyingWith(trustsWellFormedHeader));
    const report = await runCheck('sig-wrong-secret', broken.url);
    expect(report).toMatchObject({ status: 'fail', requirement: 'SIG-3' });
    expect(report.failures).toHaveLength(1);
    expect(report.failures[0]).toMatchObject({
      label: expect.stringMatching(/^wrong-secret: 1 digest, made with a secret the receiver does not hold/),
      expected: '401',
      actual: expect.stringMatching(/^202 success/),
    });
    // The forged digest is not the receiver's, so a replay has nothing to re-sign: the header is literal text.
    expect(report.failures[0]?.request.signature.parts).toEqual([expect.stringMatching(/^sha512=[0-9a-f]{128}$/)]);
  });

  it('passes against a receiver verifying with a hard-coded secret: that one rejects the valid cases, which SIG-1 catches', async () => {
    const broken = await track(receiverVerifyingWith(hardCodedSecret));
    expect((await runCheck('sig-wrong-secret', broken.url)).status).toBe('pass');
    expect((await runCheck('sig-valid-single', broken.url)).status).toBe('fail');
  });
});
