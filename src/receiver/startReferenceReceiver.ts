import { createServer } from 'node:http';
import { isIPv6, type AddressInfo } from 'node:net';
import { createReferenceHandler, type ReceiverStats, type ReferenceHandlerOptions } from './createReferenceHandler';

/** Options for {@link startReferenceReceiver}. */
export type ReferenceReceiverOptions = ReferenceHandlerOptions & {
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number;
  /** Address to listen on. Default 127.0.0.1, so nothing outside this machine can reach it. */
  host?: string;
};

/** A running reference receiver. */
export type ReferenceReceiver = {
  /** Base URL to register as the webhook target, e.g. `http://127.0.0.1:41234/`. */
  url: string;
  port: number;
  /** Stops listening and closes open connections. */
  close(): Promise<void>;
  stats(): ReceiverStats;
};

/**
 * Starts the reference gridX webhook receiver on a plain `node:http` server. Put it behind TLS
 * (a reverse proxy or `node:https`) in production: gridX only delivers to https targets (TLS-1).
 */
export async function startReferenceReceiver(options: ReferenceReceiverOptions): Promise<ReferenceReceiver> {
  const handler = createReferenceHandler(options);
  const server = createServer(handler);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });

  const { address, port } = server.address() as AddressInfo;
  const host = isIPv6(address) ? `[${address}]` : address;
  return {
    url: `http://${host}:${port}/`,
    port,
    stats: handler.stats,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error === undefined ? resolve() : reject(error)));
        // Keep-alive connections would otherwise hold close() open until they time out.
        server.closeAllConnections();
      }),
  };
}
