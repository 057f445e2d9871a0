import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { memoryIO } from '../../src/cli/memoryIO';
import { runCli } from '../../src/cli/runCli';
import { secretForms } from '../../src/redaction/secretForms';
import type { CertificationReport } from '../../src/evidence/certificationReport';
import { closeAfterAll, serveReadingBody } from '../support/servers';

// Distinctive, with characters that JSON, HTML, XML and URLs each encode differently.
const SECRET = 'echo-Secret-\u00e9<9d1f0c>"q&uote';
const FAST = ['--allow-http', '--runs', '3', '--timeout-ms', '2000', '--seed', '5', '--checks', 'SIG-1,SIG-3,EVT-1,SIG-10'];

async function cli(args: string[]): Promise<{ code: number; out: string }> {
  const io = { ...memoryIO(), env: { HOOKPROOF_SECRET: SECRET } };
  const code = await runCli(args, io);
  return { code, out: [...io.stdout, ...io.stderr].join('\n') };
}

function leaked(text: string): string[] {
  return secretForms(SECRET).filter((form) => text.includes(form));
}

describe('a receiver that echoes what it was sent never makes hookproof leak a secret', () => {
  const closing = closeAfterAll();

  it.each([
    ['echoes the request headers and body', (headers: unknown, body: string) => JSON.stringify({ error: 'rejected', headers, body })],
    // A debugging receiver that prints its own secret: the worst case an answer can be.
    [
      'echoes its own secret and what it computed',
      (headers: unknown) => `bad signature: expected hmac(secret=${SECRET}) got ${JSON.stringify(headers)} (${encodeURIComponent(SECRET)})`,
    ],
  ])(
    'a receiver that %s',
    async (_name, echo) => {
      const echoing = await closing(
        serveReadingBody((req, body, res) => {
          res.writeHead(400, { 'content-type': 'application/json', 'www-authenticate': `HMAC realm="${SECRET}"` }).end(echo(req.headers, body.toString('utf8')));
        }),
      );
      const dir = mkdtempSync(join(tmpdir(), 'hookproof-echo-'));
      const run = await cli(['certify', '--url', echoing.url, '--report-dir', dir, ...FAST]);
      expect(run.code).toBe(1);
      const files = ['report.json', 'junit.xml', 'report.html'].map((name) => readFileSync(join(dir, name), 'utf8'));
      const report = JSON.parse(files[0] ?? '{}') as CertificationReport;
      // The echo was captured (so the test looks at real echoed bodies) …
      const bodies = report.checks.flatMap((c) => c.failures.map((f) => f.answer?.body ?? ''));
      expect(bodies.some((b) => b.includes('x-signature') || b.includes('bad signature'))).toBe(true);
      expect(report.findings?.[0]?.answer).toBeDefined();
      // … and no form of the secret is anywhere: console, reports, or a replay of a failing case.
      const caseId = report.checks.flatMap((c) => c.failures)[0]?.case ?? 'none';
      const replay = await cli(['replay', join(dir, 'report.json'), caseId, '--url', echoing.url, '--secret-env', 'HOOKPROOF_SECRET']);
      expect(replay.code).toBe(1);
      expect(replay.out).toContain('[redacted]');
      for (const text of [run.out, ...files, replay.out]) expect(leaked(text)).toEqual([]);
    },
    90_000,
  );
});
