import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { untilSignal } from '../../src/cli/untilSignal';
import { BIN, ROOT } from './paths';

const SECRET = 'until-signal-secret-0123';

/** Running, not exited (a zombie nobody reaped yet, as under a container's PID 1, has exited). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return true;
  }
}

describe('untilSignal', () => {
  it('resolves when the parent process is gone (re-parented), and not before', async () => {
    let parent = 4242;
    const signal = untilSignal({ parentPid: () => parent, intervalMs: 5 });
    try {
      let settled = false;
      void signal.promise.then(() => (settled = true));
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(settled).toBe(false);
      parent = 1;
      await expect(signal.promise).resolves.toBe('signal');
    } finally {
      signal.dispose();
    }
  });

  it('resolves when the parent was already gone before it started waiting: it compares with the parent the process started under', async () => {
    // The launcher was killed between "listening on" and the wait: the orphan's parent is already 1.
    const signal = untilSignal({ parentPid: () => 1, intervalMs: 5, startedUnder: 4242 });
    try {
      await expect(signal.promise).resolves.toBe('signal');
    } finally {
      signal.dispose();
    }
  });

  // What `npx hookproof serve & kill $!` does: the launcher dies without passing the signal on.
  // Here the launcher is a node process that starts `serve` and is then killed with SIGKILL.
  it('stops `serve` when whoever launched it is killed without forwarding the signal (real processes)', async () => {
    const launcher = spawn(
      process.execPath,
      [
        '-e',
        `const c = require('node:child_process').spawn(process.execPath, ${JSON.stringify([BIN, 'serve', '--port', '0', '--secret-env', 'S'])}, { stdio: ['ignore', 'pipe', 'inherit'] });
         c.stdout.on('data', (d) => { if (String(d).includes('listening on')) console.log('server ' + c.pid); });
         setInterval(() => {}, 1000);`,
      ],
      { cwd: ROOT, env: { ...process.env, S: SECRET }, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const serverPid = await new Promise<number>((resolve, reject) => {
      let out = '';
      launcher.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const m = /server (\d+)/.exec(out);
        if (m?.[1] !== undefined) resolve(Number(m[1]));
      });
      launcher.once('exit', () => reject(new Error(`launcher exited: ${out}`)));
    });
    expect(alive(serverPid)).toBe(true);
    launcher.kill('SIGKILL');
    // The server looks once a second; a generous bound for a loaded machine.
    const deadline = Date.now() + 60_000;
    while (alive(serverPid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
    const stillRunning = alive(serverPid);
    if (stillRunning) process.kill(serverPid, 'SIGKILL');
    expect(stillRunning).toBe(false);
    // Start-up from the sources plus the 60 s bound above, on a loaded machine.
  }, 180_000);
});
