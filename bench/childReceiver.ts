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
    child.stdout?.on('data', (chunk: Buffer) => {
      seen += chunk.toString('utf8');
      const match = /listening on (http:\/\/\S+)/.exec(seen);
      if (match?.[1] !== undefined) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`receiver exited with ${code}`)));
  });
  child.stdout?.resume();
  return { url, stop: () => child.kill('SIGTERM') };
}
