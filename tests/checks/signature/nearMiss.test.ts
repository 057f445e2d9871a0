import { hmacSha512Hex } from '../../../src/signing';
import { parseSignatureHeader } from '../../../src/contract';
import { resignHeader } from '../../../src/evidence/signatureRecipe';
import { runCheck, runCheckOnReference } from '../support/runCheck';
import { SECRET } from '../support/receivers';
import { comparesPrefix, emptyStatus, receiverVerifyingWith } from './defects';
import { closeAfterEach, serve } from '../../support/servers';

describe('sig-near-miss (SIG-12)', () => {
  const track = closeAfterEach();

  it('passes against the reference receiver', async () => {
    const report = await runCheckOnReference('sig-near-miss');
    expect(report).toMatchObject({ status: 'pass', requirement: 'SIG-12', severity: 'required', cases: 20, failures: [] });
  });

  it.each([4, 16])('fails against a receiver comparing only the first %i hex digits, on a digest one digit off past them', async (digits) => {
    const broken = await track(receiverVerifyingWith(comparesPrefix(digits)));
    const report = await runCheck('sig-near-miss', broken.url, { secrets: [SECRET] });
    expect(report).toMatchObject({ status: 'fail', requirement: 'SIG-12' });
    // One shrunk failure per kind of header: a single digest and a rotation.
    expect(report.failures.map((f) => f.label.split(':')[0]).sort()).toEqual(['near-miss', 'near-miss-rotation']);
    for (const failure of report.failures) {
      expect(failure).toMatchObject({ expected: '401', actual: expect.stringMatching(/^202 success/) });
      // The report describes the near miss (which secret, which digit) instead of holding it; the
      // header it describes, recomputed with the secret, has exactly one digit off the valid digest,
      // past the digits that receiver compares.
      const recipe = failure.request.signature;
      const edits = (recipe.parts ?? []).flatMap((part) => (typeof part === 'string' ? [] : [part.digest.edit]));
      expect(edits).toEqual([{ kind: 'digit', at: expect.any(Number), digit: expect.stringMatching(/^[0-9a-f]$/) }]);
      const body = Buffer.from(failure.request.bodyBase64, 'base64');
      const parsed = parseSignatureHeader(resignHeader(recipe, body, [SECRET]) ?? '');
      const own = hmacSha512Hex(body, SECRET);
      const near = parsed.ok ? parsed.digests.map((d) => Array.from({ length: d.length }, (_, i) => i).filter((i) => d[i] !== own[i])).find((at) => at.length === 1) : undefined;
      expect(near?.[0]).toBeGreaterThanOrEqual(digits);
    }
  });

  it('is blocked, not failed, against a receiver that has no such endpoint (404 to everything): EVT-1 fails first', async () => {
    const missing = await track(
      serve((req, res) => {
        req.resume();
        emptyStatus(404)(res);
      }),
    );
    const report = await runCheck('sig-near-miss', missing.url);
    expect(report).toMatchObject({ status: 'blocked', requirement: 'SIG-12', failures: [], blockedBy: ['EVT-1'] });
  });
});
