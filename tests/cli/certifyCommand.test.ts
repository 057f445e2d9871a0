import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { memoryIO } from '../../src/cli/memoryIO';
import { runCli } from '../../src/cli/runCli';
import type { CertificationReport } from '../../src/evidence/certificationReport';
import { defectiveReceiver, soundReceiver } from '../checks/support/receivers';
import { closeAfterEach, serveReadingBody } from '../support/servers';
import { BIN, ROOT } from './paths';

// A distinctive secret: any trace of it (raw, hex or JSON-escaped) in output or files is a leak.
const SECRET = 'cli-Secret-\u00e9-9d1f0c"quote';
const env = { HOOKPROOF_SECRET: SECRET };
// gridX's own 5 s timeout: a 1 s one made 10,000-character EVT-4 cases time out on a loaded 2-core machine.
const FAST = ['--allow-http', '--runs', '3', '--timeout-ms', '5000', '--seed', '11'];

function runShell(command: string, args: string[], runEnv: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: tmp(), env: runEnv });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.on('close', (code) => resolve({ code, stdout }));
  });
}

function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'hookproof-cli-'));
}

function leaks(text: string): boolean {
  const forms = [SECRET, JSON.stringify(SECRET).slice(1, -1), Buffer.from(SECRET).toString('hex'), Buffer.from(SECRET).toString('base64')];
  return forms.some((form) => text.includes(form));
}

async function cli(args: string[], extraEnv: Record<string, string | undefined> = env): Promise<{ code: number; out: string; err: string }> {
  const io = { ...memoryIO(), env: extraEnv };
  const code = await runCli(args, io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

describe('hookproof certify', () => {
  const closing = closeAfterEach();

  it('passes the reference receiver: exit 0, three reports, no secret anywhere', async () => {
    const receiver = await closing(soundReceiver([SECRET]));
    const dir = tmp();
    const run = await cli(['certify', '--url', receiver.url, '--report-dir', dir, ...FAST]);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/PASS/);
    expect(readdirSync(dir).sort()).toEqual(['junit.xml', 'report.html', 'report.json']);
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as CertificationReport;
    expect(report).toMatchObject({ verdict: 'pass', seed: 11, target: { url: receiver.url } });
    for (const text of [run.out, run.err, ...readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8'))]) expect(leaks(text)).toBe(false);
  });

  it('--json prints report.json on stdout, byte for byte as written, and the summary on stderr', async () => {
    const receiver = await closing(defectiveReceiver((_req, _body, res) => (res.writeHead(202).end(), true), [SECRET]));
    const dir = tmp();
    const run = await cli(['certify', '--url', receiver.url, '--report-dir', dir, '--checks', 'SIG-1,SIG-3', '--json', ...FAST]);
    expect(run.code).toBe(1);
    expect(`${run.out}\n`).toBe(readFileSync(join(dir, 'report.json'), 'utf8'));
    expect((JSON.parse(run.out) as CertificationReport).verdict).toBe('fail');
    expect(run.err).toMatch(/FAIL/);
    expect(leaks(run.out)).toBe(false);
  });

  it('fails a receiver that accepts forged signatures: exit 1, with a curl reproduction that really reproduces', async () => {
    const receiver = await closing(
      defectiveReceiver(
        (_req, _body, res) => {
          res.writeHead(204).end();
          return true;
        },
        [SECRET],
      ),
    );
    const dir = tmp();
    const run = await cli(['certify', '--url', receiver.url, '--report-dir', dir, '--checks', 'SIG-3,SIG-6', ...FAST]);
    expect(run.code).toBe(1);
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as CertificationReport;
    const failure = report.checks.find((c) => c.id === 'sig-wrong-secret')?.failures[0];
    expect(failure).toBeDefined();
    expect(run.out).toContain(failure?.reproduce.replay ?? 'missing');
    for (const text of [run.out, run.err, readFileSync(join(dir, 'report.json'), 'utf8')]) expect(leaks(text)).toBe(false);

    // The printed shell snippet, run for real with curl and openssl, gets the same wrong answer.
    // (Asynchronously: the receiver lives in this process and must keep answering.)
    const shell = await runShell('bash', ['-c', failure?.reproduce.curl ?? 'false'], { ...process.env, ...env });
    expect(shell.code).toBe(0);
    expect(shell.stdout).toMatch(/^HTTP\/1\.1 204/);
  });

  it('is deterministic for a seed: the same cases are sent', async () => {
    const seen: string[][] = [[], []];
    for (const round of [0, 1]) {
      const receiver = await closing(
        serveReadingBody((req, body, res) => {
          seen[round]?.push(`${String(req.headers['x-signature'])} ${body.toString('base64')}`);
          res.writeHead(204).end();
        }),
      );
      await cli(['certify', '--url', receiver.url, '--report-dir', tmp(), '--checks', 'EVT-2,SIG-5', '--concurrency', '1', ...FAST]);
    }
    expect(seen[0]?.length).toBeGreaterThan(10);
    expect(seen[1]).toEqual(seen[0]);
  });

  it("replays a reported case to another URL, re-signing with that receiver's secret", async () => {
    // 401 to everything: SIG-1's own failure (a 500 would be EVT-1's, and SIG-1 blocked by it).
    const broken = await closing(
      defectiveReceiver(
        (_req, _body, res) => {
          res.writeHead(401).end();
          return true;
        },
        [SECRET],
      ),
    );
    const dir = tmp();
    await cli(['certify', '--url', broken.url, '--report-dir', dir, '--checks', 'SIG-1', ...FAST]);
    const other = await closing(soundReceiver(['other-secret']));
    const replay = await cli(['replay', join(dir, 'report.json'), 'sig-valid-single#1', '--url', other.url, '--secret-env', 'OTHER'], { OTHER: 'other-secret' });
    expect(replay.code).toBe(0);
    expect(replay.out).toMatch(/reported\s+401/);
    expect(replay.out).toMatch(/now\s+202 success/);
    const unknown = await cli(['replay', join(dir, 'report.json'), 'nope#1', '--url', other.url]);
    expect(unknown).toMatchObject({ code: 2, err: expect.stringMatching(/^hookproof: no case "nope#1" in .*; its cases: sig-valid-single#1$/) });
  });

  it.each([
    [['certify', '--url', 'not a url'], /invalid URL "not a url"/],
    [['certify', '--url', 'http://127.0.0.1:9/'], /refusing plain http target .* pass --allow-http/],
    [['certify', '--url', 'ftp://127.0.0.1/'], /unsupported URL scheme "ftp:"/],
    [['certify', '--url', 'https://127.0.0.1:9/', '--types', 'ev/teleported'], /unknown event type "ev\/teleported"/],
    [['certify', '--url', 'https://127.0.0.1:9/', '--checks', 'SIG-99'], /unknown check "SIG-99"/],
    [['certify', '--url', 'https://127.0.0.1:9/', '--runs', 'many'], /--runs must be a whole number/],
    [['certify', '--url', 'https://127.0.0.1:9/', '--spec', '/nonexistent.yaml'], /cannot read spec \/nonexistent\.yaml/],
    [['certify', '--url', 'https://127.0.0.1:9/', '--secret-env', 'NOT_SET_ANYWHERE'], /environment variable NOT_SET_ANYWHERE/],
    [['replay', '/nonexistent/report.json', 'x#1', '--url', 'http://127.0.0.1:9/'], /cannot read \/nonexistent\/report\.json/],
  ])('exits 2 with one line for bad input: %j', async (args, message) => {
    const run = await cli(args);
    expect(run.code).toBe(2);
    expect(run.err.split('\n')).toHaveLength(1);
    expect(run.err).toMatch(message);
  });

  it('exits 2 with one line when no secret is given at all', async () => {
    const run = await cli(['certify', '--url', 'https://127.0.0.1:9/'], {});
    expect(run).toMatchObject({ code: 2, err: expect.stringMatching(/^hookproof: no secret given/) });
  });

  it('reports an unreachable host as failed checks, not as a crash (real process)', () => {
    const dir = tmp();
    const result = spawnSync(process.execPath, [BIN, 'certify', '--url', 'http://127.0.0.1:9/hooks', '--report-dir', dir, '--checks', 'SIG-1,DLV-1', ...FAST], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stdout + result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stdout).toMatch(/CONNECTION_REFUSED/);
    expect(leaks(result.stdout + result.stderr)).toBe(false);
  });
});

describe('hookproof serve', () => {
  it('runs the reference receiver until stopped (real process)', async () => {
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--secret-env', 'S'], { cwd: ROOT, env: { ...process.env, S: SECRET } });
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const m = /listening on (\S+)/.exec(out);
        if (m?.[1] !== undefined) resolve(m[1]);
      });
      child.once('exit', () => reject(new Error(out)));
    });
    const response = await fetch(url, { method: 'POST', body: '{}' });
    expect(response.status).toBe(401);
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    expect(out).toMatch(/stopped: 0 accepted, 0 duplicates, 1 rejected/);
    expect(leaks(out)).toBe(false);
  });
});
