import { createServer as createHttpServer, type IncomingMessage, type RequestListener, type ServerResponse } from 'node:http';
import { createServer as createNetServer, type Server, type Socket } from 'node:net';

/** Anything a test starts and must stop: a server, a client, a receiver. */
export interface Closable {
  // A property, not a method: callers hand `close` on unbound (`close: listening.close`).
  readonly close: () => Promise<void>;
}

/** A test server listening on loopback. */
export interface Listening extends Closable {
  /** `http://127.0.0.1:<port>` (or `https://…`), without a path. */
  readonly origin: string;
  readonly port: number;
}

/** An HTTP receiver started by `serve`. */
export interface RunningReceiver extends Listening {
  /** The origin plus the path `serve` was given. */
  readonly url: string;
  /** Requests received so far. */
  hits(): number;
}

/**
 * Starts `server` (http, https or raw net) on 127.0.0.1 with a free port. `close()` destroys
 * every connection still open, so a test never waits on a keep-alive or a deliberately hung socket.
 */
export async function listen(server: Server, scheme: 'http' | 'https' = 'http'): Promise<Listening> {
  const sockets = new Set<Socket>();
  // 'secureConnection' would miss sockets whose TLS handshake never finishes; 'connection' sees all.
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

/**
 * Serves `listener` over plain HTTP on 127.0.0.1, on a free port, counting requests. `path` is
 * appended to the origin to make `url` (a receiver URL with a path and query by default, as
 * gridX registers them, so the path and query are sent untouched).
 */
export async function serve(listener: RequestListener, path = '/hooks/gridx?tenant=t1'): Promise<RunningReceiver> {
  let hits = 0;
  const listening = await listen(
    createHttpServer((req, res) => {
      hits += 1;
      listener(req, res);
    }),
  );
  return { ...listening, url: `${listening.origin}${path}`, hits: () => hits };
}

/** Reads a request body fully. */
export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * `serve`, with `answer` called once the request body is read in full: what most test receivers
 * need, since they judge or record the bytes before answering.
 */
export function serveReadingBody(answer: (req: IncomingMessage, body: Buffer, res: ServerResponse) => void, path?: string): Promise<RunningReceiver> {
  return serve((req, res) => {
    void readBody(req).then(
      (body) => answer(req, body, res),
      () => res.destroy(),
    );
  }, path);
}

/** A port on 127.0.0.1 that nothing listens on (it was free a moment ago). */
export async function closedPort(): Promise<number> {
  const listening = await listen(createNetServer());
  await listening.close();
  return listening.port;
}

/** Registers what was started (or is starting) to be closed, and hands it back. */
export type Closer = <S extends Closable | Promise<Closable>>(starting: S) => Promise<Awaited<S>>;

/**
 * Closes what a test started once the test ends, pass or fail. Call once per `describe` (or file),
 * then `const receiver = await closing(serve(...))`.
 */
export function closeAfterEach(): Closer {
  let open: Closable[] = [];
  afterEach(async () => {
    const closing = open;
    open = [];
    await Promise.all(closing.map((c) => c.close()));
  });
  return async <S extends Closable | Promise<Closable>>(starting: S): Promise<Awaited<S>> => {
    const started = await starting;
    open.push(started);
    return started;
  };
}

/** The same as `closeAfterEach`, for things started once for a whole `describe` or file. */
export function closeAfterAll(): Closer {
  const open: Closable[] = [];
  afterAll(async () => {
    await Promise.all(open.splice(0).map((c) => c.close()));
  });
  return async <S extends Closable | Promise<Closable>>(starting: S): Promise<Awaited<S>> => {
    const started = await starting;
    open.push(started);
    return started;
  };
}
