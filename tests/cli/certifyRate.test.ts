import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXIT } from '../../src/cli/exitCodes';
import { memoryIO } from '../../src/cli/memoryIO';
import { runCli } from '../../src/cli/runCli';
import type { CertificationReport } from '../../src/evidence/certificationReport';
import { soundReceiver } from '../checks/support/receivers';
import { closeAfterEach } from '../support/servers';
import { BIN, ROOT } from './paths';

const SECRET = 'certify-rate-secret-5b1e';
const closing = closeAfterEach();

function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'hookproof-certify-rate-'));
}

function spawnCli(args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, HOOKPROOF_SECRET: SECRET, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('hookproof certify --rate', () => {
  it('adds CAP-1..3 after the checks: exit 0, the capacity section in report.json, a JUnit testcase per requirement, the chart in report.html', async () => {
    const receiver = await closing(soundReceiver([SECRET]));
    const dir = tmp();
    // --max-rate equal to the rate: the overload probe offers nothing above it (CAP-3 not exercised), keeping the run short.
    const run = await spawnCli([
      'certify',
      '--url',
      receiver.url,
      '--allow-http',
      '--checks',
      'EVT-1',
      '--types',
      'ping',
      '--runs',
      '2',
      '--seed',
      '3',
      '--rate',
      '30/s',
      '--duration',
      '1s',
      '--outage',
      '500ms',
      '--max-rate',
      '30',
      '--step',
      '500ms',
      '--retry-base-ms',
      '5',
      '--report-dir',
      dir,
    ]);
    expect(run.code).toBe(EXIT.pass);
    // Progress (stderr) as for every check; the summary names what was not exercised.
    expect(run.stderr).toMatch(/PASS\s+cap-sustained-rate\s+CAP-1/);
    expect(run.stdout).toContain('SKIP  cap-overload-etiquette: not exercised: no rate tried up to 30/s overloaded the receiver (raise --max-rate)');
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as CertificationReport;
    expect(report.checks.map((c) => [c.requirement, c.status])).toEqual([
      ['EVT-1', 'pass'],
      ['CAP-1', 'pass'],
      ['CAP-2', 'pass'],
      ['CAP-3', 'skip'],
    ]);
    expect(report.capacity?.settings).toEqual({
      rate: 30,
      durationMs: 1000,
      outageMs: 500,
      findMax: { startRate: 30, maxRate: 30, stepMs: 500, cooldownMs: 1000, budgetMs: 60_000 },
      retryBaseMs: 5,
      maxInFlight: 256,
    });
    expect(report.capacity?.phases[0]).toMatchObject({ name: 'declared rate', rate: 30, sent: 30, classes: { success: 30 } });
    expect(report.capacity?.phases[0]?.latency.p99Ms).toBeGreaterThan(0);
    expect(report.capacity?.recovery).toMatchObject({ backlog: 15, duplicates: 1, live: 30, accepted: 46 });
    expect(report.provenance?.command).toEqual(expect.arrayContaining(['--rate', '30', '--outage', '500']));
    const junit = readFileSync(join(dir, 'junit.xml'), 'utf8');
    for (const [requirement, id] of [
      ['CAP-1', 'cap-sustained-rate'],
      ['CAP-2', 'cap-recovery-burst'],
      ['CAP-3', 'cap-overload-etiquette'],
    ]) {
      expect(junit).toContain(`<testcase classname="${requirement}" name="${id}: `);
    }
    const page = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(page).toContain('<section id="capacity">');
    expect(page).toContain('<polyline');
    for (const file of ['report.json', 'junit.xml', 'report.html']) expect(readFileSync(join(dir, file), 'utf8')).not.toContain(SECRET);
  }, 60_000);

  it('refuses a bad --rate, or capacity flags without one, in one line with exit 2 before anything is sent', async () => {
    const receiver = await closing(soundReceiver([SECRET]));
    for (const [args, message] of [
      [['--rate', 'fast'], /^hookproof: --rate must be a rate such as 50, 50\/s or 3000\/m, got "fast"/],
      [['--rate', '30000/s'], /^hookproof: --rate must be at most 20000\/s/],
      [['--duration', '2s'], /^hookproof: --duration tunes the capacity phases: declare the rate with --rate N\/s/],
    ] as const) {
      const io = { ...memoryIO(), env: { HOOKPROOF_SECRET: SECRET } };
      const code = await runCli(['certify', '--url', receiver.url, '--allow-http', '--report-dir', tmp(), ...args], io);
      expect(code).toBe(EXIT.error);
      expect(io.stderr).toHaveLength(1);
      expect(io.stderr[0]).toMatch(message);
    }
    expect(receiver.hits()).toBe(0);
  });
});
