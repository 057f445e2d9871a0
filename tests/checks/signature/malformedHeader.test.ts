import { MALFORMED_LABELS } from '../../../src/checks/signature/malformedHeader';
import { soundReceiver } from '../support/receivers';
import { runCheck } from '../support/runCheck';
import {
  comparesDigitsSent,
  decodesHexLeniently,
  emptyHeaderSkipsCheck,
  honoursNamedAlgorithm,
  ignoresAlgorithmPrefix,
  receiverVerifyingWith,
  searchesForDigest,
  type Verifier,
} from './defects';
import { closeAfterEach } from '../../support/servers';
import { failedLabels } from './labels';

describe('sig-malformed-header (SIG-5)', () => {
  const track = closeAfterEach();

  it('has one property per malformed kind of the contract', () => {
    expect([...MALFORMED_LABELS].sort()).toEqual(
      ['empty-value', 'garbage-around', 'no-prefix', 'non-hex', 'sha1-prefix', 'sha256-prefix', 'too-long', 'too-short', 'truncated-64'].sort(),
    );
  });

  it('passes against the reference receiver, splitting --runs among the nine kinds (at least 5 each)', async () => {
    const sound = await track(soundReceiver());
    expect(await runCheck('sig-malformed-header', sound.url)).toMatchObject({ status: 'pass', requirement: 'SIG-5', cases: 45, failures: [] });
    expect((await runCheck('sig-malformed-header', sound.url, { runs: 90 })).cases).toBe(90);
  });

  // Each defect lets through the kinds in `always` whatever the draw; those in `sometimes` only for
  // some draws (where the junk goes, how many extra digits), so they may or may not be reported.
  const defects: ReadonlyArray<{ name: string; verify: Verifier; always: string[]; sometimes?: string[] }> = [
    { name: 'skips the check for an empty value', verify: emptyHeaderSkipsCheck, always: ['empty-value'] },
    { name: 'takes whatever follows the last "=" as the digest', verify: ignoresAlgorithmPrefix, always: ['no-prefix'], sometimes: ['garbage-around'] },
    { name: 'computes the HMAC the prefix names', verify: honoursNamedAlgorithm, always: ['sha1-prefix', 'sha256-prefix'] },
    { name: 'compares only the digits sent', verify: comparesDigitsSent, always: ['too-short', 'truncated-64'] },
    {
      name: "decodes hex with Buffer.from(hex, 'hex') and compares what it decoded",
      verify: decodesHexLeniently,
      always: ['non-hex', 'too-short', 'truncated-64'],
      sometimes: ['garbage-around', 'too-long'],
    },
    { name: 'searches the value for its digest', verify: searchesForDigest, always: ['garbage-around', 'no-prefix', 'too-long'] },
  ];

  it.each(defects)('fails against a receiver that $name, naming each kind it lets through', async ({ verify, always, sometimes = [] }) => {
    const broken = await track(receiverVerifyingWith(verify));
    const report = await runCheck('sig-malformed-header', broken.url);
    expect(report).toMatchObject({ status: 'fail', requirement: 'SIG-5' });
    const failed = failedLabels(report);
    expect(failed).toEqual(expect.arrayContaining(always));
    expect(failed.filter((label) => !always.includes(label) && !sometimes.includes(label))).toEqual([]);
    for (const failure of report.failures) expect(failure).toMatchObject({ expected: '401', actual: expect.stringMatching(/^202 success/) });
  });

  it('reports shrunk cases: the shortest cut, the first digit replaced', async () => {
    const broken = await track(receiverVerifyingWith(decodesHexLeniently));
    const labels = (await runCheck('sig-malformed-header', broken.url)).failures.map((f) => f.label);
    expect(labels).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^too-short: a digest made with receiver secret 1 of 1, cut to 127 hex digits/),
        expect.stringMatching(/^non-hex: hex digit 1 of a digest made with receiver secret 1 of 1 replaced by "g"/),
        expect.stringMatching(/^truncated-64: a digest made with receiver secret 1 of 1, cut to its first 64 hex digits/),
      ]),
    );
  });
});
