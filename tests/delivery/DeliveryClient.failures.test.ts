import { createServer as createHttpServer, type ServerResponse } from 'node:http';
import { createServer as createNetServer, type Socket } from 'node:net';
import { DeliveryClient, describeResult, type DeliveryRequest } from '../../src/delivery';
import { closeAfterAll, closedPort, listen, type Listening } from '../support/servers';

const TIMEOUT_MS = 300;
// A bound, not a window: a delivery that times out must end, but a loaded machine may end it late.
// What proves the client's own overall deadline (and not undici's idle timers) is the body
// trickle below, which undici alone would wait on forever.
const LATEST_MS = TIMEOUT_MS * 20;

function post(origin: string, path = '/hook'): DeliveryRequest {
  return { url: `${origin}${path}`, body: Buffer.from('{"id":"1","type":"ping"}'), headers: {} };
}

describe('DeliveryClient: what the receiver does becomes a result', () => {
  // No re-send on hookproof's own stall here: these tests count the receiver's requests.
  const client = new DeliveryClient({ timeoutMs: TIMEOUT_MS, stallResends: 0 });
  const closing = closeAfterAll();
  const start = (server: Parameters<typeof listen>[0]): Promise<Listening> => closing(listen(server));

  afterAll(() => client.close());

  it('does not follow redirects: a redirect loop is hit exactly once and is a permanent answer', async () => {
    let hits = 0;
    const server = await start(
      createHttpServer((request, response) => {
        hits += 1;
        request.resume();
        response.writeHead(302, { location: request.url ?? '/' }).end();
      }),
    );
    const result = await client.send(post(server.origin));
    expect(result).toMatchObject({ outcome: 'permanent', status: 302 });
    expect(result.headers.location).toBe('/hook');
    expect(hits).toBe(1);
  });

  it('times out a server that never answers, in about timeoutMs', async () => {
    const server = await start(createHttpServer(() => undefined));
    const result = await client.send(post(server.origin));
    expect(result.outcome).toBe('timeout');
    expect(result.error?.code).toBe('TIMEOUT');
    expect(result.status).toBeUndefined();
    expect(result.durationMs).toBeGreaterThanOrEqual(TIMEOUT_MS - 5);
    expect(result.durationMs).toBeLessThan(LATEST_MS);
    expect(describeResult(result)).toMatch(/^timeout after \d+ ms$/);
  });

  it('times out a server that trickles header bytes and so never finishes its headers', async () => {
    const server = await start(
      createNetServer((socket) => {
        socket.once('data', () => {
          socket.write('HTTP/1.1 200 OK\r\n');
          const trickle = setInterval(() => socket.write('x-trickle: 1\r\n'), 20);
          socket.on('close', () => clearInterval(trickle));
          socket.on('error', () => clearInterval(trickle));
        });
      }),
    );
    const result = await client.send(post(server.origin));
    expect(result.outcome).toBe('timeout');
    expect(result.durationMs).toBeLessThan(LATEST_MS);
  });

  it('times out a server that sends its headers and then trickles the body forever', async () => {
    const server = await start(
      createHttpServer((request, response) => {
        request.resume();
        response.writeHead(200, { 'content-type': 'application/json' });
        const trickle = setInterval(() => response.write(' '), 20);
        response.on('close', () => clearInterval(trickle));
      }),
    );
    const result = await client.send(post(server.origin));
    expect(result).toMatchObject({ outcome: 'timeout', status: 200, error: { code: 'TIMEOUT' } });
    expect(result.durationMs).toBeLessThan(LATEST_MS);
  });

  it('reports a destroyed socket as CONNECTION_RESET', async () => {
    const server = await start(createHttpServer((request) => request.socket.destroy()));
    const result = await client.send(post(server.origin));
    expect(result.outcome).toBe('error');
    expect(result.error?.code).toBe('CONNECTION_RESET');
    expect(describeResult(result)).toMatch(/^error CONNECTION_RESET: /);
    expect(result.error?.message).not.toContain('\n');
  });

  it('reports non-HTTP bytes as PROTOCOL_ERROR', async () => {
    const server = await start(
      createNetServer((socket) => {
        socket.once('data', () => socket.write('SSH-2.0-OpenSSH_9.6 this is not HTTP\r\n\r\n'));
        socket.on('error', () => undefined);
      }),
    );
    const result = await client.send(post(server.origin));
    expect(result.outcome).toBe('error');
    expect(result.error?.code).toBe('PROTOCOL_ERROR');
  });

  it('reports a closed port as CONNECTION_REFUSED', async () => {
    const result = await client.send(post(`http://127.0.0.1:${await closedPort()}`));
    expect(result.outcome).toBe('error');
    expect(result.error?.code).toBe('CONNECTION_REFUSED');
  });

  it('caps a 100 MB body, flags it truncated and returns without downloading it', async () => {
    const total = 100 * 1024 * 1024;
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    let serverFinished = false;
    const server = await start(
      createHttpServer((request, response) => {
        request.resume();
        response.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(total) });
        streamBody(response, chunk, total, () => {
          serverFinished = true;
        });
      }),
    );
    // A generous deadline: on a loaded machine even a capped read may take longer than 300 ms.
    // What proves the 100 MB were not downloaded is the server's stream never finishing.
    const patient = await closing(new DeliveryClient({ timeoutMs: LATEST_MS }));
    const result = await patient.send(post(server.origin));
    expect(result.outcome).toBe('success');
    expect(result.bodyTruncated).toBe(true);
    expect(result.body.length).toBe(64 * 1024);
    expect(result.durationMs).toBeLessThan(LATEST_MS);
    expect(serverFinished).toBe(false);
  });

  it('keeps a body that fits under the cap, untruncated', async () => {
    const small = new DeliveryClient({ timeoutMs: TIMEOUT_MS, maxResponseBytes: 10 });
    const server = await start(
      createHttpServer((request, response) => {
        request.resume();
        if (request.url === '/long') response.writeHead(400).end('{"error":"too long"}');
        else response.writeHead(200).end('{"ok":1}');
      }),
    );
    try {
      const fits = await small.send(post(server.origin, '/short'));
      expect(fits).toMatchObject({ bodyTruncated: false });
      expect(fits.body.toString()).toBe('{"ok":1}');
      const cut = await small.send(post(server.origin, '/long'));
      expect(cut).toMatchObject({ outcome: 'permanent', status: 400, bodyTruncated: true });
      expect(cut.body.toString()).toBe('{"error":"');
    } finally {
      await small.close();
    }
  });

  it('is not poisoned by a broken or timed-out connection: the next delivery works', async () => {
    let count = 0;
    const sockets = new Set<Socket>();
    const server = await start(
      createHttpServer((request, response) => {
        count += 1;
        sockets.add(request.socket);
        request.resume();
        if (count === 2)
          request.socket.destroy(); // reset
        else if (count === 4)
          return; // hang
        else if (count === 6)
          response.writeHead(200).end(Buffer.alloc(256 * 1024)); // over the cap
        else response.writeHead(204).end();
      }),
    );
    const results: string[] = [];
    for (let i = 0; i < 7; i += 1) {
      const result = await client.send(post(server.origin));
      results.push(`${result.outcome}${result.bodyTruncated ? ' truncated' : ''}`);
    }
    expect(results).toEqual(['success', 'error', 'success', 'timeout', 'success', 'success truncated', 'success']);
    // Successive successes share a connection; each broken one (reset, timeout, body left unread)
    // is dropped and the next delivery opens a fresh one.
    expect(sockets.size).toBe(4);
  });
});

/** Writes `total` bytes of `chunk` with backpressure; `onFinish` runs only if all of it was sent. */
function streamBody(response: ServerResponse, chunk: Buffer, total: number, onFinish: () => void): void {
  let sent = 0;
  const pump = (): void => {
    while (sent < total && !response.destroyed) {
      sent += chunk.length;
      if (!response.write(chunk)) {
        response.once('drain', pump);
        return;
      }
    }
    if (sent >= total && !response.destroyed) response.end(onFinish);
  };
  response.on('error', () => undefined);
  pump();
}
