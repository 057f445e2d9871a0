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

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The compiled CLI started with `args`: its process, what it has printed so far, and its end. */
function startCli(args: readonly string[]) {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, HOOKPROOF_SECRET: SECRET, NO_COLOR: '1' } });
  const output = { stdout: '', stderr: '' };
  child.stdout.on('data', (chunk: Buffer) => (output.stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output.stderr += chunk.toString('utf8')));
  const exited = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => child.on('close', (code) => resolve({ code, ...output })));
  return { child, output, exited };
}

// A short certification (EVT-1 of one type) before the capacity phases each test declares.
const certifyEvt1 = (url: string): string[] => ['certify', '--url', url, '--allow-http', '--checks', 'EVT-1', '--types', 'ping', '--runs', '2', '--seed', '3'];

describe('hookproof certify --rate', () => {
  it('adds CAP-1..3 after the checks: exit 0, the capacity section in report.json, a JUnit testcase per requirement, the chart in report.html', async () => {
    const receiver = await closing(soundReceiver([SECRET]));
    const dir = tmp();
    // --max-rate equal to the rate: the overload probe offers nothing above it (CAP-3 not exercised), keeping the run short.
    const run = await startCli([
      ...certifyEvt1(receiver.url),
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
    ]).exited;
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

  it('stops at once on Ctrl-C (SIGINT) during the declared-rate phase, and still writes report.json with the capacity section marked interrupted', async () => {
    const receiver = await closing(soundReceiver([SECRET]));
    const dir = tmp();
    // A 60 s phase at 20/s: stopped after a few of its events, well before its end.
    const { child, output, exited } = startCli([...certifyEvt1(receiver.url), '--rate', '20/s', '--duration', '60s', '--report-dir', dir]);
    try {
      // The capacity phases start once the last check has ended; then a few of CAP-1's events arrive.
      while (!/PASS\s+\S+\s+EVT-1/.test(output.stderr) && child.exitCode === null) await sleep(20);
      const before = receiver.hits();
      while (receiver.hits() < before + 5 && child.exitCode === null) await sleep(20);
      child.kill('SIGINT');
      // Bounded, generously: a run that ignored the signal would go on for most of its minute.
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<string>((resolve) => {
        timer = setTimeout(() => resolve('still running 20 s after SIGINT'), 20_000);
      });
      const stopped = await Promise.race([exited.then(({ code }) => ({ code })), late]);
      clearTimeout(timer);
      expect(stopped).toEqual({ code: EXIT.fail });
    } finally {
      child.kill('SIGKILL');
    }
    expect(output.stderr).toContain('certify: stopping the capacity phases (signal); the report is still written');
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as CertificationReport;
    const declared = report.capacity?.phases[0];
    expect(declared).toMatchObject({ name: 'declared rate', rate: 20, scheduled: 1200, interrupted: true });
    expect(declared?.sent).toBeLessThan(1200);
    expect(report.capacity?.interrupted).toEqual({ unfinished: ['CAP-1', 'CAP-2', 'CAP-3'] });
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toContain('<strong>Interrupted:</strong> a signal stopped the capacity phases; CAP-1, CAP-2, CAP-3 unfinished');
    expect(report.checks.map((c) => [c.requirement, c.status])).toEqual([
      ['EVT-1', 'pass'],
      ['CAP-1', 'inconclusive'],
      ['CAP-2', 'skip'],
      ['CAP-3', 'skip'],
    ]);
    expect(report.checks[1]?.note).toMatch(/^interrupted after \d+ of 1200 events at 20 events\/s/);
    expect(report.checks[2]?.note).toBe('not exercised: the run was stopped (signal) before this phase');
    // The CAP-1 check took what the phase took before the signal, not its planned minute.
    expect(report.checks[1]?.durationMs).toBeLessThan(60_000);
    expect(report.verdict).toBe('incomplete');
    // Stopped, the run claims none of CAP-1..3 in its scope: EVT-1 alone of the 30 was run (26 of 30 had it finished).
    expect(report.scope).toMatchObject({ level: 'partial', details: [expect.stringMatching(/^checks: 29 of 30 requirements not run/), expect.any(String), expect.any(String)] });
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
