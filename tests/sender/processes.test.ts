import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, ROOT } from '../cli/paths';
import { filesIn, leaks, readListenReport, SECRET, tmp } from './support';

// The real binary, as `npx --no-install hookproof` runs it (bin/hookproof.js through tsx), in child processes:
// the listener stops on SIGINT as a user's Ctrl-C would stop it. About a second per process start.
const env = { ...process.env, HOOKPROOF_DEBUG: '', LISTEN_SECRET: SECRET };

describe('hookproof listen and send as real processes', () => {
  it('listen judges send --retry from another process, and writes its reports on SIGINT', async () => {
    const dir = tmp();
    const record = join(dir, 'record.ndjson');
    const reports = join(dir, 'reports');
    const listener = spawn(
      process.execPath,
      [BIN, 'listen', '--port', '0', '--secret-env', 'LISTEN_SECRET', '--respond', '503x2,204', '--record', record, '--report-dir', reports],
      { cwd: ROOT, env },
    );
    let stdout = '';
    let stderr = '';
    listener.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => listener.on('close', resolve));
    const url = await new Promise<string>((resolve, reject) => {
      listener.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString('utf8');
        const found = /listen on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stdout);
        if (found?.[1] !== undefined) resolve(found[1]);
      });
      void exited.then(() => reject(new Error(`listen exited early: ${stderr}`)));
    });

    // Asynchronous: the listener must keep answering while the sender runs. The base wait is long
    // enough (1 s, then 2 s) that a timer firing late on a loaded machine cannot make the second
    // wait look shorter than 1.25× the first, which SND-3 would rightly fail.
    const sender = await new Promise<{ code: number | null; out: string }>((resolve) => {
      const child = spawn(
        process.execPath,
        [BIN, 'send', '--url', `${url}hooks`, '--secret-env', 'LISTEN_SECRET', '--type', 'ping', '--seed', '4', '--retry', '--retry-base-ms', '1000', '--allow-http'],
        { cwd: ROOT, env },
      );
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
      child.on('close', (code) => resolve({ code, out }));
    });
    expect(sender.code).toBe(0);
    while ((stdout.match(/→ \d+ \(attempt/g) ?? []).length < 3) await new Promise((resolve) => setTimeout(resolve, 20));

    listener.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/listen {2}PASS/);
    expect(stdout).toContain('stopped by signal');
    expect(readdirSync(reports).sort()).toEqual(['junit.xml', 'report.html', 'report.json']);
    const report = readListenReport(join(reports, 'report.json'));
    expect(report.checks.map((c) => c.status)).toEqual(['pass', 'pass', 'pass']);
    expect(report.listen.stoppedBy).toBe('signal');
    expect(readFileSync(record, 'utf8').trim().split('\n')).toHaveLength(3);
    for (const text of [stdout, stderr, sender.out, ...filesIn(reports), readFileSync(record, 'utf8')]) expect(leaks(text)).toBe(false);
  });

  it('bad input exits 2 with exactly one stderr line and no stack', () => {
    const run = spawnSync(
      process.execPath,
      [BIN, 'send', '--url', 'http://127.0.0.1:9/', '--type', 'ping', '--secret-env', 'LISTEN_SECRET', '--set', 'data.message', '--allow-http'],
      { cwd: ROOT, env, encoding: 'utf8' },
    );
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual(['hookproof: invalid --set "data.message": expected path=value with a dot path such as data.state=UNPLUGGED']);
    expect(run.stdout).toBe('');
  });
});
