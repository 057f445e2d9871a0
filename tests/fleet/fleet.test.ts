import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { FleetIndex } from '../../src/fleet/fleetIndex';
import type { CertificationReport } from '../../src/evidence/certificationReport';
import { verifySignature } from '../../src/signing';
import { defectiveReceiver } from '../checks/support/receivers';
import { closeAfterAll, type RunningReceiver } from '../support/servers';
import { allFileTexts, cli, leaked, makeKey, secretForms, tmp } from '../recheck/support';

type Quality = 'sound' | 'no-auth' | 'no-rotation' | 'status-203';

/** What each quality of receiver must be reported as, with the checks run below. */
const EXPECTED: Record<Quality, { verdict: 'pass' | 'fail'; failing: readonly string[] }> = {
  sound: { verdict: 'pass', failing: [] },
  'no-auth': { verdict: 'fail', failing: ['SIG-2', 'SIG-3'] },
  'no-rotation': { verdict: 'fail', failing: ['SIG-6'] },
  // A 203 is a non-standard success (DLV-2): SIG-1 and SIG-6, whose valid deliveries got it, are blocked by DLV-2, not failed.
  'status-203': { verdict: 'fail', failing: ['DLV-2'] },
};
const QUALITIES: readonly Quality[] = ['sound', 'no-auth', 'sound', 'no-rotation', 'status-203'];
const CHECKS = 'SIG-1,SIG-2,SIG-3,SIG-6,DLV-2';

describe('hookproof fleet: 20 loopback receivers of mixed quality, 4 at a time', () => {
  const dir = tmp('hookproof-fleet-');
  const closing = closeAfterAll();
  const receivers: RunningReceiver[] = [];
  const qualities: Quality[] = [];
  const env: Record<string, string> = {};
  const outputs: string[] = [];
  // When each receiver got its first and last delivery: a target is being certified in between.
  const seen = new Map<number, { first: number; last: number }>();
  // A switch to break one sound receiver between two fleet runs.
  const brokenRotation = new Set<number>();
  let signingPem = '';

  const override =
    (n: number, quality: Quality, secret: string) =>
    (req: IncomingMessage, body: Buffer, res: ServerResponse): boolean => {
      const header = req.headers['x-signature'];
      if (quality === 'no-auth') {
        res.writeHead(202).end();
        return true;
      }
      if ((quality === 'no-rotation' || brokenRotation.has(n)) && typeof header === 'string' && header.includes(',')) {
        res.writeHead(401).end();
        return true;
      }
      if (quality === 'status-203') {
        // Authentic deliveries get a 203, which gridX does not count as success (DLV-2).
        res.writeHead(verifySignature(body, typeof header === 'string' ? header : undefined, [secret]).valid ? 203 : 401).end();
        return true;
      }
      return false;
    };

  const track =
    (n: number, answer: (req: IncomingMessage, body: Buffer, res: ServerResponse) => boolean) =>
    (req: IncomingMessage, body: Buffer, res: ServerResponse): boolean => {
      const now = performance.now();
      const span = seen.get(n);
      seen.set(n, { first: span?.first ?? now, last: now });
      return answer(req, body, res);
    };

  const targetsFile = join(dir, 'targets.yaml');

  beforeAll(async () => {
    const targets: Array<Record<string, unknown>> = [];
    for (let n = 0; n < 20; n += 1) {
      const quality = QUALITIES[n % QUALITIES.length] ?? 'sound';
      const secret = `fleet-secret-${n}-\u00e9-${'x'.repeat(n % 3)}-7Qz`;
      const receiver = await closing(defectiveReceiver(track(n, override(n, quality, secret)), [secret]));
      receivers.push(receiver);
      qualities.push(quality);
      env[`SECRET_${n}`] = secret;
      targets.push({ name: `partner-${String(n).padStart(2, '0')}`, url: receiver.url, secretEnv: `SECRET_${n}`, allowHttp: true, types: ['ev/plugged', 'ping'] });
    }
    writeFileSync(targetsFile, stringify({ targets }));
    const key = makeKey(dir, 'gridx');
    signingPem = key.privatePem;
    env.GRIDX_SIGNING_KEY = key.privatePem;
  });

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  const runFleet = async (args: readonly string[]): Promise<{ code: number; out: string; err: string }> => {
    // One process for all targets: these tests are about the index, shards and signing, and a
    // process per target started from the sources costs seconds each (isolation.test.ts covers it).
    const result = await cli(['fleet', targetsFile, '--no-isolate', '--checks', CHECKS, '--runs', '3', '--seed', '5', '--timeout-ms', '3000', ...args], env);
    outputs.push(result.out, result.err);
    return result;
  };
  const readIndex = (out: string): FleetIndex => JSON.parse(readFileSync(join(out, 'index.json'), 'utf8')) as FleetIndex;

  it('certifies every target, at most 4 at once, and the index lists each one right', async () => {
    const out = join(dir, 'run1');
    const result = await runFleet(['--parallel', '4', '--rate', '400', '--report-dir', out, '--sign-key-env', 'GRIDX_SIGNING_KEY']);
    expect(result.code).toBe(1);
    // At the start of any target's deliveries, how many targets were between their first and last.
    const spans = [...seen.values()];
    expect(spans).toHaveLength(20);
    const mostAtOnce = Math.max(...spans.map((a) => spans.filter((b) => b.first <= a.first && a.first <= b.last).length));
    expect(mostAtOnce).toBeLessThanOrEqual(4);
    expect(mostAtOnce).toBeGreaterThan(1);
    const index = readIndex(out);
    expect(index.targets).toHaveLength(20);
    index.targets.forEach((entry, n) => {
      const quality = qualities[n] ?? 'sound';
      expect(entry).toMatchObject({
        name: `partner-${String(n).padStart(2, '0')}`,
        url: receivers[n]?.url,
        mode: 'certify',
        verdict: EXPECTED[quality].verdict,
        failingRequirements: EXPECTED[quality].failing,
      });
      // The row agrees with the target's own report, which verifies.
      const report = JSON.parse(readFileSync(join(out, entry.reportDir, 'report.json'), 'utf8')) as CertificationReport;
      expect(report.digest).toBe(entry.digest);
      expect(report.verdict).toBe(entry.verdict);
      expect(existsSync(join(out, entry.reportDir, 'report.dsse.json'))).toBe(true);
    });
    expect(index.summary).toEqual({ pass: 8, fail: 12, incomplete: 0, error: 0 });
    expect(result.out).toContain('fleet: 8 pass, 12 fail, 0 incomplete, 0 could not run');
    expect(result.out).toMatch(/^FAIL {2}partner-03: failing SIG-6$/m);
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    for (const entry of index.targets) expect(html).toContain(`<td>${entry.name}</td>`);
    expect(html).toContain('<td>SIG-2, SIG-3</td>');
    const verified = await cli(['report', 'verify', join(out, 'partner-03', 'report.json'), '--public-key', join(dir, 'gridx.pem')], env);
    expect(verified.code).toBe(0);
  });

  it('splits the fleet with --shard: shards are disjoint and together complete; --previous names what changed', async () => {
    brokenRotation.add(0);
    try {
      const names: string[][] = [];
      for (const shard of [1, 2, 3]) {
        const out = join(dir, `shard-${shard}`);
        const result = await runFleet(['--shard', `${shard}/3`, '--parallel', '4', '--report-dir', out, '--previous', join(dir, 'run1')]);
        expect(result.code).toBe(1);
        const index = readIndex(out);
        expect(index).toMatchObject({ shard: { index: shard, total: 3 }, targetsInFile: 20 });
        names.push(index.targets.map((t) => t.name));
        for (const entry of index.targets) {
          const n = Number(entry.name.slice('partner-'.length));
          expect(entry.change).toBe(n === 0 ? 'pass → fail; now failing SIG-6' : 'unchanged');
        }
      }
      const all = names.flat();
      expect(new Set(all).size).toBe(all.length);
      expect([...all].sort()).toEqual(Array.from({ length: 20 }, (_, n) => `partner-${String(n).padStart(2, '0')}`));
      expect(names.map((n) => n.length)).toEqual([7, 7, 6]);
    } finally {
      brokenRotation.delete(0);
    }
  });

  it('refuses a targets file naming an unset secret variable before running anything (exit 2, one line)', async () => {
    const bad = join(dir, 'bad-targets.yaml');
    writeFileSync(bad, stringify({ targets: [{ name: 'ghost', url: receivers[0]?.url, secretEnv: 'NOT_SET_ANYWHERE', allowHttp: true }] }));
    const result = await cli(['fleet', bad, '--report-dir', join(dir, 'never')], env);
    expect(result.code).toBe(2);
    expect(result.err).toBe('hookproof: target "ghost": environment variable NOT_SET_ANYWHERE (from secretEnv) is not set or empty');
    expect(existsSync(join(dir, 'never'))).toBe(false);
    writeFileSync(bad, 'targets:\n  - url: http://127.0.0.1:1/\n    secret: inline-secrets-are-refused\n');
    const inline = await cli(['fleet', bad], env);
    expect(inline.code).toBe(2);
    expect(inline.err).toMatch(/target 1 has unknown key\(s\) secret; known: name, url, secretEnv/);
    expect(inline.err).not.toContain('inline-secrets-are-refused');
  });

  it('reports a target hookproof cannot run as an error row, and still runs the others', async () => {
    const mixed = join(dir, 'mixed.yaml');
    writeFileSync(
      mixed,
      stringify({
        targets: [
          { name: 'plain-http-not-allowed', url: receivers[0]?.url, secretEnv: 'SECRET_0' },
          { name: 'fine', url: receivers[0]?.url, secretEnv: 'SECRET_0', allowHttp: true },
        ],
      }),
    );
    const out = join(dir, 'mixed');
    const result = await cli(['fleet', mixed, '--checks', 'SIG-1', '--runs', '2', '--report-dir', out], env);
    outputs.push(result.out, result.err);
    expect(result.code).toBe(1);
    const index = readIndex(out);
    expect(index.targets.map((t) => t.verdict)).toEqual(['error', 'pass']);
    expect(index.targets[0]?.error).toMatch(/http/);
  });

  it('rechecks targets whose entry names a report: confirmed rows, and not confirmed once a receiver changed', async () => {
    const rechecks = join(dir, 'rechecks.yaml');
    writeFileSync(
      rechecks,
      stringify({
        targets: [0, 3].map((n) => ({
          name: `partner-0${n}`,
          url: receivers[n]?.url,
          secretEnv: `SECRET_${n}`,
          allowHttp: true,
          recheck: join('run1', `partner-0${n}`, 'report.json'),
        })),
      }),
    );
    const out = join(dir, 'rechecked');
    brokenRotation.add(0);
    try {
      const result = await cli(['fleet', rechecks, '--same-scope', '--report-dir', out], env);
      outputs.push(result.out, result.err);
      expect(result.code).toBe(1);
      const index = readIndex(out);
      expect(index.targets).toMatchObject([
        { name: 'partner-00', mode: 'recheck', verdict: 'fail', recheck: 'not confirmed', failingRequirements: ['SIG-6'] },
        { name: 'partner-03', mode: 'recheck', verdict: 'fail', recheck: 'confirmed', failingRequirements: ['SIG-6'] },
      ]);
      const report = JSON.parse(readFileSync(join(out, 'partner-03', 'report.json'), 'utf8')) as CertificationReport;
      const original = JSON.parse(readFileSync(join(dir, 'run1', 'partner-03', 'report.json'), 'utf8')) as CertificationReport;
      expect(report.recheck?.of.digest).toBe(original.digest);
    } finally {
      brokenRotation.delete(0);
    }
  });

  it('writes no secret and no private key material anywhere', () => {
    const forms = Object.entries(env)
      .filter(([name]) => name.startsWith('SECRET_'))
      .flatMap(([, secret]) => secretForms(secret, []));
    forms.push(...secretForms('unused-placeholder-secret', [signingPem]).slice(4));
    expect(leaked([...outputs, ...allFileTexts(dir).filter((t) => !t.includes('PUBLIC KEY'))], forms)).toEqual([]);
  });
});
