import { fork } from 'node:child_process';
import { childProgram } from '../childProgram';
import { errorFromChild } from '../errors';
import type { CertificationReport } from '../evidence/certificationReport';
import type { TargetJob } from './certifyTarget';
import type { Departed, RateLimiter } from './rateLimiter';
import type { FromTarget, ToTarget } from './targetMessages';

/**
 * Certifies one fleet target in a process of its own: its own event loop, so that another
 * target's work (generating, shrinking, rendering) can never stall its deliveries and make a sound
 * receiver look slow. Its deliveries still take their places under the fleet's shared `limit`.
 * Same call as certifying the target alone (see certifyTarget), so the same verdict.
 */
export function runTargetIsolated(job: TargetJob, limit?: RateLimiter): Promise<CertificationReport> {
  const entry = childProgram(__dirname, 'targetProcess');
  const child = fork(entry.file, [], {
    execArgv: [...entry.execArgv],
    serialization: 'advanced',
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  const departures = new Map<number, Departed>();
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-2000);
  });
  const tell = (message: ToTarget): void => {
    if (child.connected) child.send(message);
  };

  return new Promise<CertificationReport>((resolve, reject) => {
    let settled = false;
    const settle = (finish: () => void): void => {
      if (settled) return;
      settled = true;
      finish();
      if (child.connected) child.disconnect();
    };
    child.on('message', (message: FromTarget) => {
      switch (message.kind) {
        case 'ready':
          tell({ kind: 'run', job, rateLimited: limit !== undefined });
          return;
        case 'acquire':
          // One burst: asked for together, granted together (see createRateLimiter).
          for (const id of message.ids) {
            if (limit === undefined) tell({ kind: 'grant', ids: [id] });
            else
              void limit().then((departed) => {
                departures.set(id, departed);
                tell({ kind: 'grant', ids: [id] });
              });
          }
          return;
        case 'departed':
          departures.get(message.id)?.(message.leftAtEpochMs === undefined ? undefined : message.leftAtEpochMs - performance.timeOrigin);
          departures.delete(message.id);
          return;
        case 'done':
          settle(() => resolve(message.report));
          return;
        case 'failed':
          settle(() => reject(errorFromChild(message)));
          return;
      }
    });
    child.on('error', (error) => settle(() => reject(error)));
    child.on('exit', (code, signal) => {
      // A place granted and never reported would hold the fleet's rate window for good.
      for (const departed of departures.values()) departed(undefined);
      departures.clear();
      settle(() =>
        reject(
          new Error(`the process certifying "${job.target.name}" ended (${signal ?? `exit code ${code ?? '?'}`}) before its report: ${stderr.trim().split('\n').pop() ?? ''}`),
        ),
      );
    });
  });
}
