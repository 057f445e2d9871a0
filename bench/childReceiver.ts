import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

/**
 * The reference receiver in its own process, started through the real CLI, so that the load
 * generators measured in this process do not share its event loop.
 */
export async function startChildReceiver(secret: string): Promise<{ url: string; stop(): void }> {
  const child: ChildProcess = spawn(process.execPath, [join(__dirname, '..', 'bin', 'hookproof.js'), 'serve', '--port', '0', '--secret-env', 'BENCH_SECRET'], {
    env: { ...process.env, BENCH_SECRET: secret },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let seen = '';
    const onData = (chunk: Buffer): void => {
      seen += chunk.toString('utf8');
      const match = /listening on (http:\/\/\S+)/.exec(seen);
      if (match?.[1] === undefined) return;
      // The receiver then prints a line per new event: they are discarded unread. Kept, they made
      // this (the measuring) process join and scan a string growing with every event, which cost
      // whoever sent new ids (hookproof's capacity: a p50 of ~28 ms at 1000/s) and not a peer
      // replaying ids the receiver had seen.
      child.stdout?.off('data', onData);
      resolve(match[1]);
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`receiver exited with ${code}`)));
  });
  child.stdout?.resume();
  return { url, stop: () => child.kill('SIGTERM') };
}
