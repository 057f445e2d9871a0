import { childFailureOf } from '../errors';
import { certifyTarget } from './certifyTarget';
import type { FromTarget, ToTarget } from './targetMessages';

// The entry of a fleet target's own process (see runTargetIsolated): it certifies one target with
// its own event loop, so that no other target's work can stall its deliveries, and asks the fleet
// for every delivery's place under the shared rate limit.

const send = (message: FromTarget): void => {
  process.send?.(message);
};

let nextId = 0;
const waiting = new Map<number, () => void>();
let burst: number[] | undefined;

/** A delivery's place under the fleet's rate limit: deliveries asked for at once travel as one burst. */
function acquire(): Promise<(leftAt: number | undefined) => void> {
  const id = (nextId += 1);
  if (burst === undefined) {
    const ids: number[] = [];
    burst = ids;
    queueMicrotask(() => {
      burst = undefined;
      send({ kind: 'acquire', ids });
    });
  }
  burst.push(id);
  return new Promise((resolve) => {
    waiting.set(id, () => resolve((leftAt) => send({ kind: 'departed', id, ...(leftAt !== undefined ? { leftAtEpochMs: performance.timeOrigin + leftAt } : {}) })));
  });
}

process.on('message', (message: ToTarget) => {
  if (message.kind === 'grant') {
    for (const id of message.ids) {
      waiting.get(id)?.();
      waiting.delete(id);
    }
    return;
  }
  certifyTarget(message.job, message.rateLimited ? acquire : undefined).then(
    (report) => send({ kind: 'done', report }),
    (error: unknown) => send({ kind: 'failed', ...childFailureOf(error) }),
  );
});
send({ kind: 'ready' });
