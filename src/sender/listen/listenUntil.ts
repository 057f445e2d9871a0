import type { ListenStop } from '../../evidence/listenRecord';
import type { ReceivedDelivery } from './ReceivedDelivery';
import { startListener, type ListenerOptions } from './startListener';
import type { OwnStall } from '../backoffGrowth';

/** Options of {@link listenUntil}: a listener plus when to stop. */
export interface ListenSessionOptions extends ListenerOptions {
  /** Stop after this many milliseconds. */
  readonly forMs?: number;
  /** Stop once this many deliveries have been answered. */
  readonly count?: number;
  /** Stop when this settles (a signal, a test); its value, if any, says why. */
  readonly until?: Promise<ListenStop | undefined> | Promise<void>;
  /** Called once listening, with the URL to point the sender at. */
  readonly onReady?: (url: string) => void;
}

/** What a finished session saw. */
export interface ListenSession {
  readonly url: string;
  readonly deliveries: readonly ReceivedDelivery[];
  readonly ignored: number;
  /** When it ended, on the deliveries' `atMs` clock. */
  readonly endedAtMs: number;
  /** hookproof's own stalls while listening, on the deliveries' `atMs` clock (SND-3 is judged knowing them). */
  readonly ownStalls: readonly OwnStall[];
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly stoppedBy: ListenStop;
}

/**
 * Listens until the first of: `forMs` elapsed, `count` deliveries answered, `until` settled (with
 * none of them it never stops). Throws `UsageError` when the address cannot be listened on.
 */
export async function listenUntil(options: ListenSessionOptions): Promise<ListenSession> {
  let stop: (reason: ListenStop) => void = () => undefined;
  const stopped = new Promise<ListenStop>((resolve) => {
    stop = resolve;
  });
  let answered = 0;
  const startedAt = new Date().toISOString();
  const listener = await startListener({
    ...options,
    onDelivery: (delivery, body) => {
      options.onDelivery?.(delivery, body);
      answered += 1;
      if (options.count !== undefined && answered >= options.count) stop('count');
    },
  });
  const timer = options.forMs !== undefined ? setTimeout(() => stop('duration'), options.forMs) : undefined;
  options.until?.then(
    (reason) => stop(reason ?? 'stopped'),
    () => stop('stopped'),
  );
  options.onReady?.(listener.url);
  const stoppedBy = await stopped;
  if (timer !== undefined) clearTimeout(timer);
  const endedAtMs = listener.elapsedMs();
  const ownStalls = listener.ownStalls();
  await listener.close();
  return { url: listener.url, deliveries: listener.deliveries(), ignored: listener.ignored(), endedAtMs, ownStalls, startedAt, finishedAt: new Date().toISOString(), stoppedBy };
}
