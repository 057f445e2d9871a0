import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reportDigest, withDigest } from '../../src/attest/reportDigest';
import { attestationFor } from '../../src/attest/signReport';
import { verifyReport } from '../../src/attest/verifyReport';
import { bytesDigest } from '../../src/attest/statement';
import type { CertificationReport } from '../../src/evidence/certificationReport';
import { makePassingReport, makeReport } from '../reports/support/fixtures';

describe('verifyReport', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hookproof-verify-'));
  const path = join(dir, 'report.json');
  const key = generateKeyPairSync('ed25519');

  it('accepts a report whose digest and verdict hold, and names each problem otherwise', () => {
    const report = withDigest(makeReport());
    expect(verifyReport(report, path)).toEqual({ digest: 'valid', verdict: 'consistent', attestationBeside: false, problems: [] });
    const { digest: _digest, ...undigested } = report;
    expect(verifyReport(undigested, path)).toMatchObject({ digest: 'missing' });
    const passed = { ...report, verdict: 'pass' as const };
    expect(verifyReport(passed, path)).toMatchObject({ digest: 'mismatch', verdict: 'inconsistent' });
    expect(verifyReport(withDigest(passed), path).problems).toEqual(['verdict "pass" does not follow from the checks, which give "fail"']);
    expect(verifyReport(withDigest({ ...makePassingReport(), verdict: 'fail' }), path).verdict).toBe('inconsistent');
  });

  it('holds a listen (sender) report to its own rule: failing with no failed check is allowed (nothing arrived)', () => {
    const sender: CertificationReport = { ...makePassingReport(), subject: 'sender', verdict: 'fail' };
    expect(verifyReport(withDigest(sender), path).verdict).toBe('consistent');
    const contradicted: CertificationReport = { ...makeReport(), subject: 'sender', verdict: 'pass' };
    expect(verifyReport(withDigest(contradicted), path).verdict).toBe('inconsistent');
  });

  it('checks the attestation against every subject: the report digest, the spec and the receiver URL', () => {
    const report = withDigest(makePassingReport());
    writeFileSync(path, JSON.stringify(report));
    const fileSha256 = bytesDigest(readFileSync(path));
    const write = (signed: CertificationReport, sha = fileSha256): void =>
      writeFileSync(join(dir, 'report.dsse.json'), JSON.stringify(attestationFor(signed, key.privateKey, sha)));
    write(report);
    expect(verifyReport(report, path, key.publicKey)).toMatchObject({ signature: 'valid', attestationBeside: true, problems: [] });
    // Signed over other bytes of the same content (another layout): not this file.
    write(report, 'b'.repeat(64));
    expect(verifyReport(report, path, key.publicKey).problems).toEqual([expect.stringContaining('another report')]);
    write(withDigest({ ...report, spec: { ...report.spec, sha256: 'a'.repeat(64) } }));
    expect(verifyReport(report, path, key.publicKey).problems).toEqual(
      expect.arrayContaining([expect.stringContaining('another report'), expect.stringContaining('another spec')]),
    );
    write(withDigest({ ...report, target: { ...report.target, url: 'https://elsewhere.example/hooks' } }));
    expect(verifyReport(report, path, key.publicKey)).toMatchObject({ signature: 'invalid', problems: expect.arrayContaining([expect.stringContaining('another receiver URL')]) });
    writeFileSync(join(dir, 'report.dsse.json'), '{"not":"an envelope"}');
    expect(verifyReport(report, path, key.publicKey)).toMatchObject({ signature: 'invalid', problems: [expect.stringContaining('not a DSSE envelope')] });
    expect(reportDigest(report)).toBe(report.digest);
  });
});
