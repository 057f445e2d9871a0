import { createServer } from 'node:https';
import fc from 'fast-check';
import { DeliveryClient, type DeliveryRequest } from '../../src/delivery';
import { proxyFor } from '../../src/delivery/proxyDispatcher';
import { UsageError } from '../../src/errors';
import { startLoopbackProxy } from '../support/loopbackProxy';
import { closeAfterAll, listen, serveReadingBody } from '../support/servers';
import { describeTls, generateTlsFixtures } from '../support/tlsFixtures';

const PROXY = 'http://proxy.corp.example:3128';
const post = (url: string): DeliveryRequest => ({ url, body: Buffer.from('{"id":"p1"}'), headers: {} });

describe('proxyFor: HTTPS_PROXY / HTTP_PROXY / NO_PROXY as undici reads them', () => {
  it('https targets use HTTPS_PROXY (else HTTP_PROXY), http targets HTTP_PROXY, lower case first', () => {
    expect(proxyFor(new URL('https://r.example/h'), { HTTPS_PROXY: PROXY })).toBe(PROXY);
    expect(proxyFor(new URL('https://r.example/h'), { HTTP_PROXY: PROXY })).toBe(PROXY);
    expect(proxyFor(new URL('http://r.example/h'), { HTTPS_PROXY: PROXY })).toBeUndefined();
    expect(proxyFor(new URL('http://r.example/h'), { http_proxy: PROXY, HTTP_PROXY: 'http://other:1' })).toBe(PROXY);
    expect(proxyFor(new URL('https://r.example/h'), {})).toBeUndefined();
  });

  it('NO_PROXY: a listed host and its subdomains go direct, a port must match, * means never', () => {
    fc.assert(
      fc.property(fc.domain(), fc.constantFrom('', '.', '*.'), fc.integer({ min: 1, max: 65535 }), (host, prefix, port) => {
        const env = { HTTPS_PROXY: PROXY, NO_PROXY: `other.invalid, ${prefix}${host}` };
        expect(proxyFor(new URL(`https://${host}/h`), env)).toBeUndefined();
        expect(proxyFor(new URL(`https://api.${host}:${port}/h`), env)).toBeUndefined();
        expect(proxyFor(new URL(`https://x${host}/h`), env)).toBe(PROXY);
        expect(proxyFor(new URL(`https://${host}:${port}/h`), { HTTPS_PROXY: PROXY, NO_PROXY: `${host}:${port === 1 ? 2 : port - 1}` })).toBe(PROXY);
        expect(proxyFor(new URL(`https://${host}/h`), { HTTPS_PROXY: PROXY, NO_PROXY: '*' })).toBeUndefined();
      }),
    );
  });

  it('loopback targets go direct while NO_PROXY is unset; once it is set, it alone decides', () => {
    for (const host of ['localhost', '127.0.0.1', '127.3.2.1', '[::1]']) {
      expect(proxyFor(new URL(`http://${host}:8080/h`), { HTTP_PROXY: PROXY })).toBeUndefined();
      expect(proxyFor(new URL(`http://${host}:8080/h`), { HTTP_PROXY: PROXY, NO_PROXY: '' })).toBe(PROXY);
    }
  });

  it('a malformed proxy URL is a one-line usage error that never echoes it (it may hold a password)', () => {
    const call = (): unknown => proxyFor(new URL('https://r.example/h'), { HTTPS_PROXY: '::s3cr3t-pw@ not a url' });
    expect(call).toThrow(UsageError);
    expect(call).toThrow(/^HTTPS_PROXY is not a URL/);
    expect(call).not.toThrow(/s3cr3t/);
    expect(() => proxyFor(new URL('http://r.example/h'), { HTTP_PROXY: 'socks5://127.0.0.1:1080' })).toThrow(/^HTTP_PROXY must be an http:\/\/ or https:\/\/ URL/);
  });
});

describe('DeliveryClient through a loopback proxy', () => {
  const closing = closeAfterAll();
  const clients: DeliveryClient[] = [];
  const client = (proxyEnv: Record<string, string>): DeliveryClient => {
    const created = new DeliveryClient({ timeoutMs: 4000, proxyEnv });
    clients.push(created);
    return created;
  };
  afterAll(() => Promise.all(clients.map((c) => c.close())));

  it('sends an http delivery in absolute form through HTTP_PROXY, and records the proxy (password masked) as the connection', async () => {
    const seen: string[] = [];
    const receiver = await closing(serveReadingBody((_req, body, res) => (seen.push(body.toString()), res.writeHead(204).end())));
    const proxy = await closing(startLoopbackProxy({ user: 'ci', password: 'proxy-pw-77' }));
    const sender = client({ HTTP_PROXY: proxy.url, NO_PROXY: 'other.invalid' });
    const result = await sender.send(post(receiver.url));
    expect(result.status).toBe(204);
    expect(seen).toEqual(['{"id":"p1"}']);
    expect(proxy.calls).toEqual([{ method: 'POST', target: receiver.url, proxyAuthorization: `Basic ${Buffer.from('ci:proxy-pw-77').toString('base64')}` }]);
    expect(sender.connection()).toEqual({ address: '127.0.0.1', port: proxy.port, proxy: `http://ci:***@127.0.0.1:${proxy.port}` });
  });

  it('goes direct to a loopback receiver while NO_PROXY is unset (the proxy sees nothing)', async () => {
    const receiver = await closing(serveReadingBody((_req, _body, res) => res.writeHead(202).end()));
    const proxy = await closing(startLoopbackProxy());
    const sender = client({ HTTP_PROXY: proxy.url });
    expect((await sender.send(post(receiver.url))).status).toBe(202);
    expect(proxy.calls).toEqual([]);
    expect(sender.connection()?.proxy).toBeUndefined();
  });
});

describeTls('DeliveryClient through a loopback proxy, https', () => {
  const closing = closeAfterAll();
  it('tunnels an https delivery with CONNECT through HTTPS_PROXY, verifying the receiver against the given CA', async () => {
    const fixtures = generateTlsFixtures();
    const server = await closing(
      listen(
        createServer(fixtures.leaf, (request, response) => {
          request.resume();
          response.writeHead(204).end();
        }),
        'https',
      ),
    );
    const proxy = await closing(startLoopbackProxy());
    const sender = new DeliveryClient({ timeoutMs: 4000, ca: fixtures.caCert, proxyEnv: { HTTPS_PROXY: proxy.url, NO_PROXY: '' } });
    try {
      const result = await sender.send(post(`${server.origin}/hook`));
      expect(result.status).toBe(204);
      expect(proxy.calls).toEqual([{ method: 'CONNECT', target: `127.0.0.1:${server.port}` }]);
    } finally {
      await sender.close();
    }
  });
});
