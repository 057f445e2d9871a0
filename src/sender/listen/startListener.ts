import { createServer } from 'node:http';
import { isIPv6, type AddressInfo } from 'node:net';
import { listenError } from './listenError';
import { createListenHandler, type ListenHandlerOptions } from './createListenHandler';
import type { ReceivedDelivery } from './ReceivedDelivery';
import { StallProbe } from '../../delivery/stallProbe';
import type { OwnStall } from '../backoffGrowth';

/** Options for {@link startListener}. */
export interface ListenerOptions extends ListenHandlerOptions {
  /** Port to listen on; 0 (the default) picks a free one. */
  readonly port?: number;
  /** Address to listen on; default 127.0.0.1. */
  readonly host?: string;
}

/** A running listener. */
export interface Listener {
  /** Base URL to point the sender at, e.g. `http://127.0.0.1:8080/`. */
  readonly url: string;
  readonly port: number;
  /** Every delivery so far, in order of arrival. */
  deliveries(): readonly ReceivedDelivery[];
  ignored(): number;
  /** Milliseconds since the listener started, on the clock of `ReceivedDelivery.atMs`. */
  elapsedMs(): number;
  /**
   * The stalls of hookproof's own process while listening (a tick late by more than 70 ms), on
   * the clock of `ReceivedDelivery.atMs`: a delivery's arrival is recorded late by as much. Empty
   * with an injected clock (`now`), which the probe cannot follow.
   */
  ownStalls(): readonly OwnStall[];
  /** Stops listening and closes open connections. */
  close(): Promise<void>;
}

/**
 * Starts a `node:http` server that judges every delivery a sender makes (see
 * {@link createListenHandler}). Throws `UsageError` when the address cannot be listened on.
 */
export async function startListener(options: ListenerOptions): Promise<Listener> {
  const handler = createListenHandler(options);
  // The listener's own probe, held while it listens: retries are judged at the end of a run that
  // may last longer than the shared probe remembers, so this one forgets nothing.
  const probe = new StallProbe({ keepMs: Infinity });
  const origin = performance.now() - handler.elapsedMs();
  const server = createServer(handler);
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => reject(listenError(host, options.port ?? 0, error)));
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;
  probe.hold();
  let held = true;
  return {
    url: `http://${isIPv6(address) ? `[${address}]` : address}:${port}/`,
    port,
    deliveries: handler.deliveries,
    ignored: handler.ignored,
    elapsedMs: handler.elapsedMs,
    ownStalls: () => (options.now !== undefined ? [] : probe.spans().map((s) => ({ fromMs: s.from - origin, toMs: s.to - origin }))),
    close: () =>
      new Promise<void>((resolve) => {
        if (held) probe.release();
        held = false;
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
