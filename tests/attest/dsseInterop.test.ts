import { createHash, createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { signReportFile } from '../../src/attest/signReport';
import { testResultStatementFor } from '../../src/attest/testResultStatement';
import { runReportVerify } from '../../src/cli/commands/reportVerify';
import { memoryIO } from '../../src/cli/memoryIO';
import { writeReports } from '../../src/reports';
import { VERSION } from '../../src/version';
import { makeReport } from '../reports/support/fixtures';
import { tmp } from '../recheck/support';

// A verifier written here from the DSSE v1 protocol (github.com/secure-systems-lab/dsse,
// protocol.md) and the in-toto Statement v1 spec, with none of hookproof's attestation code:
// PAE(type, body) = "DSSEv1" SP LEN(type) SP type SP LEN(body) SP body, lengths in bytes.
function pae(type: string, body: Buffer): Buffer {
  const t = Buffer.from(type, 'utf8');
  return Buffer.concat([Buffer.from(`DSSEv1 ${t.length} `), t, Buffer.from(` ${body.length} `), body]);
}

interface Envelope {
  payloadType: string;
  payload: string;
  signatures: Array<{ keyid: string; sig: string }>;
}

function dsseVerify(envelope: Envelope, publicKeyPem: string): { ok: boolean; statement: Record<string, unknown> } {
  const body = Buffer.from(envelope.payload, 'base64');
  const key = createPublicKey(publicKeyPem);
  const ok = envelope.signatures.some((s) => verify(null, pae(envelope.payloadType, body), key, Buffer.from(s.sig, 'base64')));
  // Only a verified payload is read.
  return { ok, statement: ok ? (JSON.parse(body.toString('utf8')) as Record<string, unknown>) : {} };
}

const sha256 = (bytes: Buffer | string): string => createHash('sha256').update(bytes).digest('hex');

describe('report.dsse.json verifies with a DSSE verifier written from the spec, and says what a reader needs', () => {
  const dir = tmp('hookproof-interop-');
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const publicPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const keyPath = join(dir, 'gridx.pem');
  writeFileSync(keyPath, publicPem);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('signs an in-toto statement whose subjects generic tooling can check, with scope, settings and verdict in the predicate', async () => {
    const files = await writeReports({ ...makeReport(), tool: { name: 'hookproof', version: VERSION } }, join(dir, 'signed'), []);
    const envelopePath = await signReportFile(files.json, privateKey);
    const envelope = JSON.parse(readFileSync(envelopePath, 'utf8')) as Envelope;
    expect(envelope.payloadType).toBe('application/vnd.in-toto+json');
    const { ok, statement } = dsseVerify(envelope, publicPem);
    expect(ok).toBe(true);
    expect(envelope.signatures[0]?.keyid).toBe(sha256(publicKey.export({ type: 'spki', format: 'der' })));
    // A one-byte change of the payload breaks the signature.
    const tampered = Buffer.from(envelope.payload, 'base64');
    tampered.writeUInt8(tampered.readUInt8(tampered.length - 2) ^ 1, tampered.length - 2);
    expect(dsseVerify({ ...envelope, payload: tampered.toString('base64') }, publicPem).ok).toBe(false);

    const report = JSON.parse(readFileSync(files.json, 'utf8')) as { digest: string; spec: { sha256: string }; target: { url: string }; options: unknown };
    expect(statement._type).toBe('https://in-toto.io/Statement/v1');
    expect(statement.subject).toEqual([
      // What `sha256sum report.json` gives: the file's bytes, as generic in-toto tooling hashes an artifact.
      { name: 'report.json', digest: { sha256: sha256(readFileSync(files.json)) } },
      // The spec by name and SHA-256: no local path of the signer's machine.
      { name: 'spec', digest: { sha256: report.spec.sha256 } },
      { name: 'receiver-url', uri: report.target.url, digest: { sha256: sha256(report.target.url) } },
    ]);
    expect(statement.predicate).toMatchObject({
      kind: 'certify',
      verdict: 'fail',
      scope: { level: 'partial', narrowed: ['checks', 'runs'] },
      settings: report.options,
      reportDigest: report.digest,
    });
    expect(JSON.stringify(statement)).not.toContain('spec/webhook-events.yaml');

    // Beside it, the standard in-toto test-result/v0.1 statement of the same subjects, same key.
    const standard = dsseVerify(JSON.parse(readFileSync(join(dir, 'signed', 'report.test-result.dsse.json'), 'utf8')) as Envelope, publicPem);
    expect(standard.ok).toBe(true);
    expect(standard.statement._type).toBe('https://in-toto.io/Statement/v1');
    expect(standard.statement.predicateType).toBe('https://in-toto.io/attestation/test-result/v0.1');
    expect(standard.statement.subject).toEqual(statement.subject);
    const checks = (JSON.parse(readFileSync(files.json, 'utf8')) as { checks: Array<{ id: string; requirement: string; status: string }> }).checks;
    const named = (status: string): string[] => checks.filter((c) => c.status === status).map((c) => `${c.requirement} ${c.id}`);
    expect(standard.statement.predicate).toEqual({
      result: 'FAILED',
      configuration: [{ name: 'spec', digest: { sha256: report.spec.sha256 } }],
      passedTests: named('pass'),
      warnedTests: checks.filter((c) => c.status !== 'pass' && c.status !== 'fail').map((c) => `${c.requirement} ${c.id}`),
      failedTests: named('fail'),
    });
    expect(named('fail').length).toBeGreaterThan(0);
  });

  it('the test-result statement is PASSED only for a full-scope pass: a partial pass is WARNED', async () => {
    const base = makeReport();
    const passing = { ...base, verdict: 'pass' as const, checks: base.checks.filter((c) => c.status === 'pass') };
    const partial = await writeReports({ ...passing, tool: { name: 'hookproof', version: VERSION } }, join(dir, 'partial-pass'), []);
    await signReportFile(partial.json, privateKey);
    const read = (sub: string): { result?: string; failedTests?: string[] } =>
      dsseVerify(JSON.parse(readFileSync(join(dir, sub, 'report.test-result.dsse.json'), 'utf8')) as Envelope, publicPem).statement.predicate as { result?: string };
    expect(read('partial-pass')).toMatchObject({ result: 'WARNED', failedTests: [] });
    // The same passing checks at full scope: PASSED; the same run left incomplete: WARNED.
    const full = { ...passing, scope: { level: 'full' as const, narrowed: [], details: [] } };
    expect(testResultStatementFor(full, []).predicate.result).toBe('PASSED');
    expect(testResultStatementFor({ ...full, verdict: 'incomplete' }, []).predicate.result).toBe('WARNED');
  });

  it('report verify prints target, times, age, scope, key id and verdict; --max-age refuses an old report', async () => {
    const files = await writeReports({ ...makeReport(), tool: { name: 'hookproof', version: VERSION } }, join(dir, 'printed'), []);
    await signReportFile(files.json, privateKey);
    const verifyAt = async (now: string, extra: { publicKey?: string; maxAgeMs?: number }): Promise<{ code: number; out: string[]; err: string[] }> => {
      const io = memoryIO();
      const code = await runReportVerify({ report: files.json, now: new Date(now), ...extra }, io);
      return { code, out: io.stdout, err: io.stderr };
    };
    const fresh = await verifyAt('2026-11-26T10:00:07.250Z', { publicKey: keyPath, maxAgeMs: 2 * 86_400_000 });
    expect(fresh.code).toBe(0);
    expect(fresh.out).toEqual(
      expect.arrayContaining([
        'target     https://receiver.example.com/hooks?tenant=t1&x=<y>',
        'run        2026-11-25T10:00:00.000Z – 2026-11-25T10:00:07.250Z (1 d 0 h ago)',
        'scope      partial (narrowed: checks, runs): not a certificate',
        'verdict    fail: consistent with the checks',
        `signature  valid (key id ${sha256(publicKey.export({ type: 'spki', format: 'der' }))})`,
      ]),
    );
    const old = await verifyAt('2027-03-01T00:00:00.000Z', { publicKey: keyPath, maxAgeMs: 90 * 86_400_000 });
    expect(old.code).toBe(1);
    expect(old.err).toEqual([expect.stringMatching(/^✘ the report is 95 d \d+ h old, older than --max-age 90 d 0 h$/)]);
    // No key: the signature was not checked, and the attestation beside the report is pointed out.
    const unsigned = await verifyAt('2026-11-26T10:00:00.000Z', {});
    expect(unsigned.code).toBe(0);
    expect(unsigned.out).toContain('signature  NOT CHECKED (no --public-key): this says nothing about who made the report');
    expect(unsigned.err).toEqual(['⚠ report.dsse.json lies beside the report, but no --public-key was given: its signature was not checked']);
    // The fixture narrowed checks and runs: valid, and labelled partial (issue 17: never a certificate).
    expect(unsigned.out.at(-1)).toMatch(/^VALID \(PARTIAL run, not a certificate\): .*\(digest and verdict only; unsigned check\)$/);
  });
});
