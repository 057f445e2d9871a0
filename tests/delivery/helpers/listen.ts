import { createServer, type Server, type Socket } from 'node:net';

/** A test server listening on loopback. */
export type Listening = { origin: string; port: number; close(): Promise<void> };

/**
 * Starts `server` (http, https or raw net) on 127.0.0.1 with an ephemeral port. `close()` destroys
 * every connection still open, so a test never waits on a keep-alive or a deliberately hung socket.
 */
export async function listen(server: Server, scheme: 'http' | 'https' = 'http'): Promise<Listening> {
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('server has no TCP address');
  return {
    origin: `${scheme}://127.0.0.1:${address.port}`,
    port: address.port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A port on 127.0.0.1 that nothing listens on (it was free a moment ago). */
export async function closedPort(): Promise<number> {
  const listening = await listen(createServer());
  await listening.close();
  return listening.port;
}
