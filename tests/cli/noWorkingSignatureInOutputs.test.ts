import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Failure } from '../../src/evidence/failure';
import { headerFingerprint } from '../../src/evidence/signatureRecipe';
import { memoryIO } from '../../src/cli/memoryIO';
import { runCli } from '../../src/cli/runCli';
import type { CertificationReport } from '../../src/evidence/certificationReport';
import { closeAfterAll, serveReadingBody, type RunningReceiver } from '../support/servers';

const SECRET = 'no-working-signature-secret-41';
const env = { HOOKPROOF_SECRET: SECRET };

interface Sent {
  readonly body: Buffer;
  readonly header: string | undefined;
}

function idOf(body: Buffer): string {
  try {
    return String((JSON.parse(body.toString('utf8')) as { id?: unknown }).id);
  } catch {
    return '';
  }
}

/**
 * Accepts every request (forged ones too) except an event id seen before, which it refuses with a
 * 409 whose body echoes the header it got and prints the digest it expected: the worst a debugging
 * receiver can do to a report.
 */
function carelessReceiver(sent: Sent[]): Promise<RunningReceiver> {
  const seen = new Set<string>();
  return serveReadingBody((req, body, res) => {
    const header = req.headers['x-signature'] as string | undefined;
    sent.push({ body, header });
    const id = idOf(body);
    if (seen.has(id)) {
      const expected = createHmac('sha512', SECRET).update(body).digest('hex');
      res.writeHead(409, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'duplicate', got: header, expected: `sha512=${expected}` }));
      return;
    }
    seen.add(id);
    res.writeHead(204).end();
  });
}

/** Every digest a secret makes over a body: the three algorithms a case may carry. */
function digestsOf(body: Buffer): string[] {
  return (['sha512', 'sha256', 'sha1'] as const).map((algorithm) => createHmac(algorithm, SECRET).update(body).digest('hex'));
}

/** 32-digit windows of a digest (any 128 bits of it): a near miss, a truncation or a padded copy shows one. */
function windows(hex: string): string[] {
  const out: string[] = [];
  for (let start = 0; start + 32 <= hex.length; start += 8) out.push(hex.slice(start, start + 32));
  return out;
}

function runShell(script: string, cwd: string): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn('sh', ['-c', script], { cwd, env: { ...process.env, ...env } });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.on('close', (code) => resolve({ code, stdout }));
  });
}

describe('no output of hookproof holds a signature valid under the real secret', () => {
  const closing = closeAfterAll();
  const sent: Sent[] = [];
  let receiver: RunningReceiver;
  let dir: string;
  let outputs: string[];
  let report: CertificationReport;

  beforeAll(async () => {
    receiver = await closing(carelessReceiver(sent));
    dir = mkdtempSync(join(tmpdir(), 'hookproof-no-signature-'));
    const io = { ...memoryIO(), env };
    const checks = 'SIG-1,SIG-2,SIG-3,SIG-4,SIG-5,SIG-6,SIG-7,SIG-9,SIG-12,DLV-4';
    const code = await runCli(['certify', '--url', receiver.url, '--report-dir', dir, '--checks', checks, '--allow-http', '--runs', '4', '--seed', '3'], io);
    expect(code).toBe(1);
    // Every file the run wrote, the bodies written beside the report included.
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((file) => statSync(join(dir, file)).isFile());
    outputs = [io.stdout.join('\n'), io.stderr.join('\n'), ...files.map((file) => readFileSync(join(dir, file), 'utf8'))];
    report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as CertificationReport;
  });

  it('certifies a receiver with signed failures of every kind, and none of its digests appears in any output file or stream', () => {
    expect(readdirSync(dir)).toEqual(expect.arrayContaining(['junit.xml', 'report.html', 'report.json']));
    const failed = report.checks.filter((c) => c.failures.length > 0).map((c) => c.requirement);
    expect(failed).toEqual(expect.arrayContaining(['SIG-3', 'SIG-4', 'SIG-5', 'SIG-7', 'SIG-12', 'DLV-4']));
    // Every body sent, and every body signed before a change (SIG-4), as the report records them.
    const signedBodies = report.checks.flatMap((c) => c.failures.flatMap((f) => [f.request, ...(f.plan?.deliveries.map((d) => d.request) ?? [])]));
    const bodies = [
      ...sent.map((s) => s.body),
      ...signedBodies.flatMap((r) => (r.signature.signedBodyBase64 !== undefined ? [Buffer.from(r.signature.signedBodyBase64, 'base64')] : [])),
    ];
    expect(sent.length).toBeGreaterThan(50);
    const pieces = new Set(bodies.flatMap(digestsOf).flatMap(windows));
    const text = outputs.join('\n').toLowerCase();
    const found = [...pieces].filter((piece) => text.includes(piece));
    expect(found).toEqual([]);
    // What the report keeps instead: how each signature was made, and a short fingerprint.
    const nearMiss = report.checks.find((c) => c.requirement === 'SIG-12')?.failures[0];
    expect(nearMiss?.request.signature).toMatchObject({
      parts: expect.arrayContaining([{ digest: expect.objectContaining({ secretIndex: 0, algorithm: 'sha512', edit: expect.objectContaining({ kind: 'digit' }) }) }]),
      fingerprint: expect.stringMatching(/^[0-9a-f]{4}$/),
    });
  });

  it.each([
    ['a near miss (SIG-12)', 'SIG-12'],
    ['a body changed after signing (SIG-4)', 'SIG-4'],
    ['a malformed header made from a valid digest (SIG-5)', 'SIG-5'],
  ])('the curl snippet of %s recomputes from $HOOKPROOF_SECRET exactly the header that was sent', async (_name, requirement) => {
    // A failure whose header is made from a valid digest (SIG-5's empty value has none to recompute).
    const failure = report.checks
      .find((c) => c.requirement === requirement)
      ?.failures.find((f) => (f.request.signature.parts ?? []).some((part) => typeof part !== 'string')) as Failure;
    const before = sent.length;
    const shell = await runShell(failure.reproduce.curl, mkdtempSync(join(tmpdir(), 'hookproof-curl-')));
    expect(shell.code).toBe(0);
    // The header the snippet sent has the fingerprint of the header the run sent, and its body the same bytes.
    const resent = sent.slice(before);
    expect(resent.map((s) => [s.body.toString('base64'), headerFingerprint(s.header ?? '')])).toEqual([[failure.request.bodyBase64, failure.request.signature.fingerprint]]);
  });

  it('the curl snippet of a duplicate (DLV-4) sends both deliveries, numbered, and the second is refused again', async () => {
    const failure = report.checks.find((c) => c.requirement === 'DLV-4')?.failures[0] as Failure;
    const before = sent.length;
    const shell = await runShell(failure.reproduce.curl, mkdtempSync(join(tmpdir(), 'hookproof-curl-')));
    expect(shell.code).toBe(0);
    expect(shell.stdout.match(/^HTTP\/1\.1 \d+/gm)).toEqual(['HTTP/1.1 409', 'HTTP/1.1 409']);
    expect(failure.reproduce.curl.match(/^# [12]\/2 /gm)).toEqual(['# 1/2 ', '# 2/2 ']);
    const again = sent.slice(before);
    expect(again.map((s) => idOf(s.body))).toEqual([idOf(again[0]?.body ?? Buffer.alloc(0)), idOf(again[0]?.body ?? Buffer.alloc(0))]);
    // Replay, from the same report, with the secret from $HOOKPROOF_SECRET as the snippet does.
    const io = { ...memoryIO(), env };
    expect(await runCli(['replay', join(dir, 'report.json'), failure.case, '--url', receiver.url], io)).toBe(1);
    const printed = io.stdout.join('\n').toLowerCase();
    expect(digestsOf(again[0]?.body ?? Buffer.alloc(0)).filter((d) => printed.includes(d.slice(0, 32)))).toEqual([]);
  });
});
