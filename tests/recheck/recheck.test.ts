import { copyFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { reportDigest } from '../../src/attest/reportDigest';
import type { CertificationReport } from '../../src/evidence/certificationReport';
import { defectiveReceiver } from '../checks/support/receivers';
import { closeAfterAll, type RunningReceiver } from '../support/servers';
import { REAL_SPEC } from '../cli/paths';
import { allFileTexts, cli, leaked, makeKey, RECEIVER_SECRET, secretForms, tmp, type TestKey } from './support';

// A few checks keep the runs short; SIG-6 is the behaviour the receiver changes below.
const CHECKS = 'SIG-1,SIG-2,SIG-3,SIG-6,DLV-2';
const FAST = ['--allow-http', '--runs', '4', '--timeout-ms', '3000', '--seed', '23', '--checks', CHECKS];

describe('recheck, report verify and signed attestations, against real loopback receivers', () => {
  const dir = tmp();
  let gridx: TestKey;
  let other: TestKey;
  let env: Record<string, string>;
  const closing = closeAfterAll();
  let receiver: RunningReceiver;
  // The receiver under test can be switched to stop accepting rotation (several digests).
  let rejectsRotation = false;
  const outputs: string[] = [];

  const run = async (args: readonly string[]): Promise<{ code: number; out: string; err: string }> => {
    const result = await cli(args, env);
    outputs.push(result.out, result.err);
    return result;
  };

  beforeAll(async () => {
    gridx = makeKey(dir, 'gridx');
    other = makeKey(dir, 'other');
    env = { RECEIVER_SECRET, GRIDX_SIGNING_KEY: gridx.privatePem, OTHER_SIGNING_KEY: other.privatePem };
    receiver = await closing(
      defectiveReceiver(
        (req, _body, res) => {
          const header = req.headers['x-signature'];
          if (rejectsRotation && typeof header === 'string' && header.includes(',')) {
            res.writeHead(401).end();
            return true;
          }
          return false;
        },
        [RECEIVER_SECRET],
      ),
    );
    const certified = await run([
      'certify',
      '--url',
      receiver.url,
      '--secret-env',
      'RECEIVER_SECRET',
      '--report-dir',
      join(dir, 'original'),
      '--sign-key-env',
      'GRIDX_SIGNING_KEY',
      ...FAST,
    ]);
    expect(certified).toMatchObject({ code: 0 });
    expect(certified.out).toContain(`attestation ${join(dir, 'original', 'report.dsse.json')}`);
  });

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  const original = (): CertificationReport => JSON.parse(readFileSync(join(dir, 'original', 'report.json'), 'utf8')) as CertificationReport;

  it('writes a digest of the canonical content and secret-free provenance', () => {
    const report = original();
    expect(report.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(report.digest).toBe(reportDigest(report));
    expect(report.provenance).toMatchObject({
      node: process.version,
      command: expect.arrayContaining(['certify', '--secret-env', 'RECEIVER_SECRET', '--sign-key-env', 'GRIDX_SIGNING_KEY', '--seed', '23']),
      connection: { address: '127.0.0.1', port: Number(new URL(receiver.url).port) },
    });
    const html = readFileSync(join(dir, 'original', 'report.html'), 'utf8');
    expect(html).toContain(report.digest);
  });

  it('confirms an unchanged sound receiver, naming the report it rechecks, and signs the recheck', async () => {
    const out = join(dir, 'recheck-same');
    const result = await run([
      'recheck',
      '--same-scope',
      '--allow-http',
      '--allow-private',
      join(dir, 'original', 'report.json'),
      '--secret-env',
      'RECEIVER_SECRET',
      '--report-dir',
      out,
      '--sign-key-env',
      'GRIDX_SIGNING_KEY',
    ]);
    expect(result.code).toBe(0);
    expect(result.out).toContain(`recheck CONFIRMED: ${original().digest ?? '?'}`);
    expect(result.out).toContain("scope      --same-scope: the report's own scope and settings reproduced; this recheck is not a full certification");
    const recheck = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as CertificationReport;
    expect(recheck.recheck).toMatchObject({ verdict: 'confirmed', scope: 'same', of: { digest: original().digest, verdict: 'pass' } });
    expect(recheck.recheck?.checks.map((c) => c.id)).toEqual(original().checks.map((c) => c.id));
    expect(recheck.seed).toBe(23);
    expect(recheck.options).toEqual(original().options);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain(original().digest);
    expect(await run(['report', 'verify', join(out, 'report.json'), '--public-key', gridx.publicPath])).toMatchObject({ code: 0 });
  });

  it('rechecks from report.html alone', async () => {
    const result = await run([
      'recheck',
      '--same-scope',
      '--allow-http',
      '--allow-private',
      join(dir, 'original', 'report.html'),
      '--secret-env',
      'RECEIVER_SECRET',
      '--report-dir',
      join(dir, 'recheck-html'),
    ]);
    expect(result.code).toBe(0);
    expect(result.out).toContain('recheck CONFIRMED');
  });

  it('does not confirm once the receiver stops accepting rotation: names SIG-6 and the first differing case', async () => {
    rejectsRotation = true;
    try {
      const out = join(dir, 'recheck-changed');
      const result = await run([
        'recheck',
        '--same-scope',
        '--allow-http',
        '--allow-private',
        join(dir, 'original', 'report.json'),
        '--secret-env',
        'RECEIVER_SECRET',
        '--report-dir',
        out,
      ]);
      expect(result.code).toBe(1);
      expect(result.out).toMatch(/DIFFERS {4}SIG-6 sig-rotation: was pass, now fail; first differing case sig-rotation#1 \(rotation: \d digests/);
      expect(result.out).toContain('recheck NOT CONFIRMED');
      const recheck = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as CertificationReport;
      expect(recheck.recheck?.verdict).toBe('not confirmed');
      const differs = recheck.recheck?.checks.filter((c) => c.result === 'differs') ?? [];
      expect(differs.map((c) => c.requirement)).toEqual(['SIG-6']);
      expect(differs[0]).toMatchObject({
        original: 'pass',
        now: 'fail',
        firstDifferingCase: { failedIn: 'recheck', case: 'sig-rotation#1', expected: expect.stringContaining('success') },
      });
      expect(recheck.recheck?.checks.filter((c) => c.result === 'confirmed').length).toBe(original().checks.length - 1);
    } finally {
      rejectsRotation = false;
    }
  });

  it('verifies the signed original: digest, verdict and signature (also through report.html)', async () => {
    const json = await run(['report', 'verify', join(dir, 'original', 'report.json'), '--public-key', gridx.publicPath]);
    expect(json.code).toBe(0);
    expect(json.out).toContain('signature  valid');
    expect(json.out).toContain('VALID');
    expect(await run(['report', 'verify', join(dir, 'original', 'report.html'), '--public-key', gridx.publicPath])).toMatchObject({ code: 0 });
    expect(await run(['report', 'verify', join(dir, 'original', 'report.json')])).toMatchObject({ code: 0 });
  });

  it('rejects a signature checked with another key', async () => {
    const result = await run(['report', 'verify', join(dir, 'original', 'report.json'), '--public-key', other.publicPath]);
    expect(result.code).toBe(1);
    expect(result.out).toContain('signature  invalid');
    expect(result.err).toContain('not signed by the given public key');
  });

  it('catches a report edited by hand: one status flipped', async () => {
    const edited = join(dir, 'edited');
    await run(['certify', '--url', receiver.url, '--secret-env', 'RECEIVER_SECRET', '--report-dir', edited, ...FAST]);
    const path = join(edited, 'report.json');
    const text = readFileSync(path, 'utf8');
    // Flip the first check's status in the file as written, nothing else.
    const flipped = text.replace('"status": "pass"', '"status": "fail"');
    expect(flipped).not.toBe(text);
    writeFileSync(path, flipped);
    const result = await run(['report', 'verify', path]);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/digest mismatch/);
    // Recomputing the digest does not help: the verdict no longer follows from the checks.
    const report = JSON.parse(flipped) as CertificationReport;
    writeFileSync(path, JSON.stringify({ ...report, digest: reportDigest(report) }, null, 2));
    const redigested = await run(['report', 'verify', path]);
    expect(redigested.code).toBe(1);
    expect(redigested.err).toContain('verdict "pass" does not follow from the checks, which give "fail"');
    // Nor can an edited report be rechecked as if it were the original.
    const copy = join(dir, 'edited-again');
    await run(['certify', '--url', receiver.url, '--secret-env', 'RECEIVER_SECRET', '--report-dir', copy, ...FAST]);
    writeFileSync(join(copy, 'report.json'), readFileSync(join(copy, 'report.json'), 'utf8').replace('"status": "pass"', '"status": "fail"'));
    const recheck = await run([
      'recheck',
      '--same-scope',
      '--allow-http',
      '--allow-private',
      join(copy, 'report.json'),
      '--secret-env',
      'RECEIVER_SECRET',
      '--report-dir',
      join(dir, 'never'),
    ]);
    expect(recheck.code).toBe(2);
    expect(recheck.err).toMatch(/was changed after it was written/);
  });

  it('rejects an edited report re-signed with another key, and a report whose attestation is missing', async () => {
    const forged = join(dir, 'forged');
    await run(['certify', '--url', receiver.url, '--secret-env', 'RECEIVER_SECRET', '--report-dir', forged, '--sign-key-env', 'OTHER_SIGNING_KEY', ...FAST]);
    const result = await run(['report', 'verify', join(forged, 'report.json'), '--public-key', gridx.publicPath]);
    expect(result.code).toBe(1);
    // The attestation of one report does not vouch for another one.
    copyFileSync(join(dir, 'original', 'report.dsse.json'), join(forged, 'report.dsse.json'));
    const swapped = await run(['report', 'verify', join(forged, 'report.json'), '--public-key', gridx.publicPath]);
    expect(swapped.code).toBe(1);
    expect(swapped.err).toContain('about another report');
    const unsigned = join(dir, 'recheck-html');
    expect(existsSync(join(unsigned, 'report.dsse.json'))).toBe(false);
    const missing = await run(['report', 'verify', join(unsigned, 'report.json'), '--public-key', gridx.publicPath]);
    expect(missing.code).toBe(1);
    expect(missing.out).toContain('signature  missing');
  });

  it('refuses (exit 2, one line) when the spec or the major version differs, unless --spec gives the same file', async () => {
    const path = join(dir, 'original', 'report.json');
    const otherSpec = await run([
      'recheck',
      path,
      '--secret-env',
      'RECEIVER_SECRET',
      '--spec',
      join(__dirname, '..', 'fixtures', 'specs', 'future-spec.yaml'),
      '--report-dir',
      join(dir, 'never'),
    ]);
    expect(otherSpec.code).toBe(2);
    expect(otherSpec.err.split('\n')).toHaveLength(1);
    expect(otherSpec.err).toMatch(/was made with spec .* \(SHA-256 [0-9a-f]{64}\); .* has SHA-256 [0-9a-f]{64}: pass --spec with the file the report names/);
    const sameSpec = join(dir, 'same-spec.yaml');
    copyFileSync(REAL_SPEC, sameSpec);
    expect(
      await run([
        'recheck',
        '--same-scope',
        '--allow-http',
        '--allow-private',
        path,
        '--secret-env',
        'RECEIVER_SECRET',
        '--spec',
        sameSpec,
        '--report-dir',
        join(dir, 'recheck-spec'),
      ]),
    ).toMatchObject({ code: 0 });

    const future = { ...original(), tool: { name: 'hookproof' as const, version: '9.0.0' } };
    const futurePath = join(dir, 'future.json');
    writeFileSync(futurePath, JSON.stringify({ ...future, digest: reportDigest(future) }));
    const major = await run(['recheck', '--same-scope', '--allow-http', '--allow-private', futurePath, '--secret-env', 'RECEIVER_SECRET', '--report-dir', join(dir, 'never')]);
    expect(major.code).toBe(2);
    expect(major.err).toMatch(/made by hookproof 9\.0\.0; this is hookproof .* \(another major version/);
  });

  it('refuses unreadable input with exit 2: a missing report, a file that is not one, a bad key', async () => {
    expect(await run(['report', 'verify', join(dir, 'nope.json')])).toMatchObject({ code: 2 });
    writeFileSync(join(dir, 'garbage.json'), '{"hello":1}');
    const garbage = await run(['report', 'verify', join(dir, 'garbage.json')]);
    expect(garbage.code).toBe(2);
    expect(garbage.err).toContain('is not a valid hookproof report: the report has no "formatVersion"');
    writeFileSync(join(dir, 'bad.pem'), 'not a key');
    expect(await run(['report', 'verify', join(dir, 'original', 'report.json'), '--public-key', join(dir, 'bad.pem')])).toMatchObject({ code: 2 });
    const badKey = await cli(['certify', '--url', receiver.url, '--secret-env', 'RECEIVER_SECRET', '--sign-key-env', 'BAD_KEY', '--report-dir', join(dir, 'never'), ...FAST], {
      ...env,
      BAD_KEY: 'PRIVATE KEY material that is not PEM',
    });
    expect(badKey.code).toBe(2);
    expect(badKey.err).not.toContain('material');
    expect(existsSync(join(dir, 'never'))).toBe(false);
  });

  it('never writes the secret or private key material into any output, report or attestation', () => {
    const forms = secretForms(RECEIVER_SECRET, [gridx.privatePem, other.privatePem]);
    expect(leaked([...outputs, ...allFileTexts(dir).filter((text) => !text.includes('PUBLIC KEY'))], forms)).toEqual([]);
  });
});
