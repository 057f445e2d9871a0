import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { memoryIO } from '../../src/cli/memoryIO';
import { runCli } from '../../src/cli/runCli';
import type { CertificationReport } from '../../src/evidence/certificationReport';
import { defectiveReceiver, SECRET, soundReceiver } from '../checks/support/receivers';
import { closeAfterEach } from '../support/servers';

const env = { HOOKPROOF_SECRET: SECRET };
const FAST = ['--allow-http', '--runs', '3', '--timeout-ms', '2000', '--seed', '11'];

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = { ...memoryIO(), env };
  const code = await runCli(args, io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

describe('hookproof replay tells the truth', () => {
  const closing = closeAfterEach();

  /** Certifies a receiver that refuses valid events with a 400 JSON error; returns report.json's path. */
  async function reportOfBrokenReceiver(checks: string): Promise<{ path: string; url: string }> {
    const broken = await closing(
      defectiveReceiver((_req, body, res) => {
        if (!body.includes('"accountID"')) return false;
        res.writeHead(400, { 'content-type': 'application/json' }).end('{"error":"json: unknown field \\"accountID\\""}');
        return true;
      }),
    );
    const dir = mkdtempSync(join(tmpdir(), 'hookproof-replay-'));
    const run = await cli(['certify', '--url', broken.url, '--report-dir', dir, '--checks', checks, ...FAST]);
    expect(run.code).toBe(1);
    return { path: join(dir, 'report.json'), url: broken.url };
  }

  it('exits 1 while the receiver still answers wrongly, printing both answers side by side', async () => {
    const { path, url } = await reportOfBrokenReceiver('EVT-1');
    const report = JSON.parse(readFileSync(path, 'utf8')) as CertificationReport;
    expect(report.checks[0]?.failures[0]?.answer?.body).toBe('{"error":"json: unknown field \\"accountID\\""}');
    const replay = await cli(['replay', path, 'evt-valid-events#1', '--url', url]);
    expect(replay.code).toBe(1);
    expect(replay.out).toMatch(/^\s+recorded \(report\)\s+now$/m);
    expect(replay.out).toMatch(/^status\s+400 permanent\s+400 permanent$/m);
    // The 45-byte body is wrapped at the column width (44), the same in both columns.
    expect(replay.out).toMatch(/^body\s+(\{"error":"json: unknown field \\"accountID\\"")\s+\1\n\s+\}\s+\}$/m);
    expect(replay.out).toMatch(/^verdict\s+STILL WRONG: EVT-1 requires a success status/m);
  });

  it('exits 0 once the receiver is fixed, with the recorded and the new answer', async () => {
    const { path } = await reportOfBrokenReceiver('EVT-1');
    const fixed = await closing(soundReceiver());
    const replay = await cli(['replay', path, 'evt-valid-events#1', '--url', fixed.url]);
    expect(replay.code).toBe(0);
    expect(replay.out).toMatch(/^status\s+400 permanent\s+202 success$/m);
    expect(replay.out).toMatch(/^body\s+\{"error":.*\s+\(empty\)$/m);
    expect(replay.out).toMatch(/^verdict\s+FIXED/m);
  });

  it('judges forged cases by their own rule: 401 now is fixed, 204 is still wrong', async () => {
    const accepting = await closing(
      defectiveReceiver((_req, _body, res) => {
        res.writeHead(204).end();
        return true;
      }),
    );
    const dir = mkdtempSync(join(tmpdir(), 'hookproof-replay-'));
    expect((await cli(['certify', '--url', accepting.url, '--report-dir', dir, '--checks', 'SIG-3', ...FAST])).code).toBe(1);
    const path = join(dir, 'report.json');
    expect((await cli(['replay', path, 'sig-wrong-secret#1', '--url', accepting.url])).code).toBe(1);
    const fixed = await closing(soundReceiver());
    const replay = await cli(['replay', path, 'sig-wrong-secret#1', '--url', fixed.url]);
    expect(replay.code).toBe(0);
    expect(replay.out).toMatch(/^status\s+204 success\s+401 permanent$/m);
  });
});
