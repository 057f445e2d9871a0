import { runCheck, runCheckOnReference } from '../support/runCheck';
import { hardCodedSecret, receiverDeduplicatingBeforeVerifying, receiverVerifyingWith, trustsWellFormedHeader } from './defects';
import { closeAfterEach } from '../../support/servers';
import { failedLabels } from './labels';

describe('sig-body-changed (SIG-4)', () => {
  const track = closeAfterEach();

  it('passes against the reference receiver: 10 one-byte cases, the original, 10 field-changed cases', async () => {
    const report = await runCheckOnReference('sig-body-changed');
    expect(report).toMatchObject({ status: 'pass', requirement: 'SIG-4', cases: 21, failures: [] });
    expect(report.note).toBeUndefined();
  });

  it('fails both properties against a receiver that never computes an HMAC', async () => {
    const broken = await track(receiverVerifyingWith(trustsWellFormedHeader));
    const report = await runCheck('sig-body-changed', broken.url);
    expect(report).toMatchObject({ status: 'fail', requirement: 'SIG-4' });
    expect(failedLabels(report)).toEqual(['body-changed', 'field-changed']);
    const [oneByte, field] = report.failures;
    expect(oneByte).toMatchObject({
      label: expect.stringMatching(/^body-changed: signed with receiver secret 1 of 1, then byte \d+ changed from ".+" to ".+"/),
      expected: '401',
      actual: expect.stringMatching(/^202 success/),
    });
    expect(field?.label).toMatch(/^field-changed: \/\S+ changed from .+ to .+ in an event already delivered/);
    // The recorded request describes the original's digest (over the body before the change), never the digest itself.
    expect(oneByte?.request.signature.parts).toEqual(['sha512=', { digest: { secretIndex: 0, algorithm: 'sha512', over: 'signed-body', upperCase: false } }]);
    expect(oneByte?.request.signature.signedBodyBase64).toEqual(expect.any(String));
  });

  it('fails only the field-changed property against a receiver that deduplicates by id before verifying', async () => {
    const broken = await track(receiverDeduplicatingBeforeVerifying());
    const report = await runCheck('sig-body-changed', broken.url);
    expect(report).toMatchObject({ status: 'fail', requirement: 'SIG-4' });
    expect(failedLabels(report)).toEqual(['field-changed']);
    // Shrunk to the first field of the envelope that is not the id.
    expect(report.failures[0]).toMatchObject({ expected: '401', actual: expect.stringMatching(/^202 success/) });
    expect(report.failures[0]?.label).not.toMatch(/^field-changed: \/id /);
  });

  it('notes when the original of the field-changed cases was not accepted', async () => {
    const broken = await track(receiverVerifyingWith(hardCodedSecret));
    const report = await runCheck('sig-body-changed', broken.url);
    expect(report.status).toBe('pass');
    expect(report.note).toMatch(/^the original of the field-changed cases was not accepted \(401 permanent/);
  });
});
