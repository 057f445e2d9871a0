import { createServer, request as httpRequest, type IncomingMessage } from 'node:http';
import { connect, type Socket } from 'node:net';
import { listen, type Listening } from './servers';

/** What a proxy was asked: CONNECT host:port (https), or an absolute-form URL (http). */
export interface ProxiedCall {
  readonly method: string;
  readonly target: string;
  readonly proxyAuthorization?: string;
}

export interface LoopbackProxy extends Listening {
  /** `http://127.0.0.1:PORT` (with `user:password@` when started with credentials). */
  readonly url: string;
  readonly calls: ProxiedCall[];
}

/**
 * A real forward proxy on 127.0.0.1, as corporate CI has: CONNECT tunnels for https targets and
 * absolute-form requests for http ones, each recorded. With `credentials`, requests without the
 * matching Proxy-Authorization are answered 407.
 */
export async function startLoopbackProxy(credentials?: { user: string; password: string }): Promise<LoopbackProxy> {
  const calls: ProxiedCall[] = [];
  const expected = credentials !== undefined ? `Basic ${Buffer.from(`${credentials.user}:${credentials.password}`).toString('base64')}` : undefined;
  const record = (request: IncomingMessage): boolean => {
    const auth = request.headers['proxy-authorization'];
    calls.push({ method: request.method ?? '', target: request.url ?? '', ...(auth !== undefined ? { proxyAuthorization: auth } : {}) });
    return expected === undefined || auth === expected;
  };
  const server = createServer((request, response) => {
    if (!record(request)) {
      response.writeHead(407, { 'proxy-authenticate': 'Basic' }).end();
      return;
    }
    const target = new URL(request.url ?? '');
    const headers = { ...request.headers };
    delete headers['proxy-authorization'];
    delete headers['proxy-connection'];
    const upstream = httpRequest({ host: target.hostname, port: target.port, path: `${target.pathname}${target.search}`, method: request.method, headers }, (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    });
    upstream.on('error', () => response.writeHead(502).end());
    request.pipe(upstream);
  });
  server.on('connect', (request: IncomingMessage, client: Socket, head: Buffer) => {
    if (!record(request)) {
      client.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic\r\n\r\n');
      return;
    }
    const [host, port] = (request.url ?? '').split(/:(?=\d+$)/);
    const upstream = connect(Number(port), host?.replace(/^\[|\]$/g, '') ?? '', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  const listening = await listen(server);
  const auth = credentials !== undefined ? `${credentials.user}:${credentials.password}@` : '';
  return { ...listening, url: `http://${auth}127.0.0.1:${listening.port}`, calls };
}
