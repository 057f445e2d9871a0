import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { memoryIO } from '../../src/cli/memoryIO';
import { runCli } from '../../src/cli/runCli';
import { parseRate } from '../../src/cli/rateOption';
import { closeAfterEach } from '../support/servers';
import { SECRET, tokenBucketReceiver } from './capacityReceivers';

const closing = closeAfterEach();
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hookproof-capacity-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function io() {
  return { ...memoryIO(), env: { CAP_SECRET: SECRET } };
}

describe('hookproof capacity (CLI)', () => {
  it('runs CAP-1 at the declared rate and writes capacity.json, capacity.html with its chart, and junit.xml', async () => {
    const receiver = await closing(tokenBucketReceiver(1000, 200));
    const out = io();
    const code = await runCli(
      ['capacity', '--url', receiver.url, '--secret-env', 'CAP_SECRET', '--allow-http', '--rate', '20/s', '--duration', '1s', '--types', 'ping', '--report-dir', dir],
      out,
    );
    // Progress lines in a log (every 5 s, the first at once when the run is slow enough to report one) and nothing else.
    expect(out.stderr.filter((line) => !/^capacity: CAP-1 at 20\/s +\d+\/1 s +sent \d+ +answered \d+ +ok \d+$/.test(line))).toEqual([]);
    expect(code).toBe(0);
    expect(out.stdout.join('\n')).toMatch(/CAP-1 PASS +held 20 events\/s for 1 s/);
    expect(out.stdout.join('\n')).toMatch(/PARTIAL: capacity only/);
    const report = JSON.parse(readFileSync(join(dir, 'capacity.json'), 'utf8')) as { verdict: string; phases: Array<{ sent: number; histogram: string }> };
    expect(report.verdict).toBe('pass');
    expect(report.phases[0]?.sent).toBe(20);
    expect(report.phases[0]?.histogram).toMatch(/^[A-Za-z0-9+/=]+$/);
    const page = readFileSync(join(dir, 'capacity.html'), 'utf8');
    expect(page).toContain('<svg');
    expect(page).toContain('<polyline');
    expect(page).not.toContain('<script');
    expect(readFileSync(join(dir, 'junit.xml'), 'utf8')).toMatch(/<testcase classname="hookproof.capacity" name="CAP-1">/);
    for (const file of ['capacity.json', 'capacity.html', 'junit.xml']) expect(readFileSync(join(dir, file), 'utf8')).not.toContain(SECRET);
  });

  it('merges shard directories and refuses what is not one run', async () => {
    const receiver = await closing(tokenBucketReceiver(1000, 200));
    const startAt = new Date(Date.now() + 400).toISOString();
    const shard = (i: number) =>
      runCli(
        [
          'capacity',
          '--url',
          receiver.url,
          '--secret-env',
          'CAP_SECRET',
          '--allow-http',
          '--rate',
          '20',
          '--duration',
          '1s',
          '--types',
          'ping',
          '--shard',
          `${i}/2`,
          '--start-at',
          startAt,
          '--report-dir',
          join(dir, `s${i}`),
        ],
        io(),
      );
    expect(await Promise.all([shard(1), shard(2)])).toEqual([0, 0]);
    const merged = io();
    expect(await runCli(['capacity', 'merge', join(dir, 's1'), join(dir, 's2'), '--report-dir', join(dir, 'all')], merged)).toBe(0);
    expect(merged.stdout.join('\n')).toMatch(/merged 2 shards/);
    const report = JSON.parse(readFileSync(join(dir, 'all', 'capacity.json'), 'utf8')) as { phases: Array<{ sent: number }> };
    expect(report.phases[0]?.sent).toBe(20);
    const refused = io();
    expect(await runCli(['capacity', 'merge', join(dir, 's1'), join(dir, 's1'), '--report-dir', join(dir, 'x')], refused)).toBe(2);
    expect(refused.stderr).toHaveLength(1);
  });

  it.each([
    [['--rate', '0'], /--rate must be a rate such as 50/],
    [['--rate', '30000/s'], /at most 20000\/s/],
    [['--rate', '10', '--shard', '1/2'], /--shard needs --start-at/],
    [['--rate', '10', '--duration', 'soon'], /--duration must be a positive duration/],
    [[], /needs a declared rate \(--rate N\) or --find-max/],
  ])('refuses %j with one line and exit 2', async (args, message) => {
    const out = io();
    const code = await runCli(['capacity', '--url', 'http://127.0.0.1:9/h', '--secret-env', 'CAP_SECRET', '--allow-http', '--report-dir', dir, ...args], out);
    expect(code).toBe(2);
    expect(out.stderr).toHaveLength(1);
    expect(out.stderr[0]).toMatch(message);
  });

  it('reads rates per second, minute and hour', () => {
    expect(parseRate('--rate', '50')).toBe(50);
    expect(parseRate('--rate', '3000/m')).toBe(50);
    expect(parseRate('--rate', '1.5/s')).toBe(1.5);
    expect(() => parseRate('--rate', ' 5')).toThrow(/--rate/);
  });
});
