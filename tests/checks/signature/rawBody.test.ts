import { defaultEngine } from '../../support/engine';
import { runCheck, runCheckOnReference } from '../support/runCheck';
import { receiverVerifyingWith, verifiesReserialisedJson } from './defects';
import { closeAfterEach } from '../../support/servers';

// ev/measurement is the only type with an int64 field: see the last test.
const WITHOUT_INT64 = defaultEngine()
  .catalogue.types.filter((t) => !t.deprecated && t.type !== 'ev/measurement')
  .map((t) => t.type);

describe('sig-raw-body (SIG-8)', () => {
  const track = closeAfterEach();

  it('passes against the reference receiver', async () => {
    const report = await runCheckOnReference('sig-raw-body');
    expect(report).toMatchObject({ status: 'pass', requirement: 'SIG-8', cases: 20, failures: [] });
  });

  it('fails against a receiver that verifies JSON.stringify(JSON.parse(body)), which passes SIG-1', async () => {
    const broken = await track(receiverVerifyingWith(verifiesReserialisedJson));
    expect((await runCheck('sig-valid-single', broken.url, { types: WITHOUT_INT64 })).status).toBe('pass');
    const report = await runCheck('sig-raw-body', broken.url, { types: WITHOUT_INT64 });
    expect(report).toMatchObject({ status: 'fail', requirement: 'SIG-8' });
    expect(report.failures).toHaveLength(1);
    const [failure] = report.failures;
    expect(failure).toMatchObject({
      label: expect.stringMatching(/^raw-body: the event as \d+ bytes of unusually formatted JSON \(\d+ in canonical form\), signed over the bytes sent/),
      expected: expect.stringContaining('success'),
      actual: expect.stringMatching(/^401 permanent/),
    });
    // The recorded body is the unusual text, and its one digest is valid for exactly those bytes.
    expect(failure?.request.bodyText?.startsWith('\n')).toBe(true);
    expect(failure?.request.signature.parts).toEqual(['sha512=', { digest: { secretIndex: 0, algorithm: 'sha512', over: 'sent-body', upperCase: false } }]);
  });

  it('(that receiver passes SIG-1 on ev/measurement too: integers beyond 2^53 are EVT-4 boundary values only; see tests/findings/reserialisation.test.ts)', async () => {
    const broken = await track(receiverVerifyingWith(verifiesReserialisedJson));
    const report = await runCheck('sig-valid-single', broken.url, { types: ['ev/measurement'] });
    expect(report.status).toBe('pass');
  });
});
