import { certify, runCheck, runCheckOnReference } from '../support/runCheck';
import { caseSensitiveHex, receiverVerifyingWith, splitsOnCommaSpace } from './defects';
import { closeAfterEach } from '../../support/servers';
import { failedLabels } from './labels';

describe('sig-alternative-forms (SIG-9, recommended)', () => {
  const track = closeAfterEach();

  it('passes against the reference receiver: 10 upper-case cases, 10 without a space', async () => {
    const report = await runCheckOnReference('sig-alternative-forms');
    expect(report).toMatchObject({ status: 'pass', requirement: 'SIG-9', severity: 'recommended', cases: 20, failures: [] });
  });

  it('warns (the verdict stays pass) against a receiver that compares hex case-sensitively', async () => {
    const broken = await track(receiverVerifyingWith(caseSensitiveHex));
    const report = await certify(broken.url, { checks: ['sig-alternative-forms', 'sig-valid-single'] });
    expect(report).toMatchObject({ verdict: 'pass', summary: { pass: 1, warn: 1, fail: 0 } });
    const check = report.checks.find((c) => c.id === 'sig-alternative-forms');
    expect(check).toMatchObject({ status: 'warn', requirement: 'SIG-9' });
    expect(check && failedLabels(check)).toEqual(['uppercase-hex']);
    expect(check?.failures[0]).toMatchObject({
      label: expect.stringMatching(/^uppercase-hex: 1 digest in upper-case hex, the matching one at position 1/),
      expected: expect.stringContaining('success'),
      actual: expect.stringMatching(/^401 permanent/),
    });
    expect(check?.failures[0]?.request.signature.parts).toEqual(['sha512=', { digest: { secretIndex: 0, algorithm: 'sha512', over: 'sent-body', upperCase: true } }]);
  });

  it('warns against a receiver that splits the header on ", " only', async () => {
    const broken = await track(receiverVerifyingWith(splitsOnCommaSpace));
    const report = await runCheck('sig-alternative-forms', broken.url);
    expect(report).toMatchObject({ status: 'warn', requirement: 'SIG-9' });
    expect(failedLabels(report)).toEqual(['no-space-separator']);
    expect(report.failures[0]?.label).toMatch(/^no-space-separator: 2 digests joined by "," without a space/);
  });
});
