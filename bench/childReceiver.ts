import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

/** A receiver in a process of its own, so that the load generators measured here do not share its event loop. */
export interface ChildReceiver {
  readonly url: string;
  stop(): void;
}

/** The reference receiver, started through the real CLI. */
export function startChildReceiver(secret: string): Promise<ChildReceiver> {
  return startChild([join(__dirname, '..', 'bin', 'hookproof.js'), 'serve', '--port', '0', '--secret-env', 'BENCH_SECRET'], { BENCH_SECRET: secret });
}

/** A receiver that answers 200 at once and checks nothing (bench/bareReceiver.js): the clients are then the bottleneck. */
export function startBareReceiver(): Promise<ChildReceiver> {
  return startChild([join(__dirname, 'bareReceiver.js')], {});
}

async function startChild(args: readonly string[], env: Readonly<Record<string, string>>): Promise<ChildReceiver> {
  const child: ChildProcess = spawn(process.execPath, args, {
    env: { ...process.env, ...env },
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
