import type { IncomingHttpHeaders } from 'node:http';
import fc from 'fast-check';
import { DeliveryClient } from '../../src/delivery';
import { TargetInvalidError, UsageError } from '../../src/errors';
import { closeAfterAll, serveReadingBody, type RunningReceiver } from '../support/servers';

type Received = { method: string; url: string; headers: IncomingHttpHeaders; body: Buffer };

describe('DeliveryClient: what goes on the wire', () => {
  const closing = closeAfterAll();
  let server: RunningReceiver;
  let received: Received[] = [];
  let client: DeliveryClient;

  beforeAll(async () => {
    client = await closing(new DeliveryClient({ timeoutMs: 2000 }));
    server = await closing(
      serveReadingBody((request, body, response) => {
        received.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body });
        response.writeHead(204).end();
      }),
    );
  });
  beforeEach(() => {
    received = [];
  });

  // Pieces that URL normalisation would rewrite (dot segments, lower-case escapes, empty segments).
  const segment = fc.constantFrom('hooks', 'a%2Fb', '..', '.', '', '%7e', '~x', 'A-Z_9', '%20', '%C3%A4', 'a;b=c');
  const param = fc.constantFrom('a=1', 'b=%20', 'b=2', 'c', '=', 'x=%2F..%2F', 'd=a+b');
  const query = fc.option(fc.array(param, { maxLength: 4 }), { nil: undefined });
  const bytes = fc.uint8Array({ maxLength: 4096 });

  it('sends POST with exactly the given bytes, path and query untouched', async () => {
    await fc.assert(
      fc.asyncProperty(bytes, fc.array(segment, { maxLength: 5 }), query, async (content, segments, params) => {
        received = [];
        const path = `/${segments.join('/')}${params === undefined ? '' : `?${params.join('&')}`}`;
        const body = Buffer.from(content);
        const headers = { 'x-signature': 'sha512=00' };
        const result = await client.send({ url: `${server.origin}${path}`, body, headers });
        expect(result.outcome).toBe('success');
        expect(received).toHaveLength(1);
        const [request] = received;
        expect(request?.method).toBe('POST');
        expect(request?.url).toBe(path);
        expect(request?.body.equals(body)).toBe(true);
        expect(request?.headers['content-length']).toBe(String(body.length));
        expect(request?.headers['content-type']).toBe('application/json');
        expect(request?.headers['x-signature']).toBe('sha512=00');
      }),
      { numRuns: 50 },
    );
  });

  it('sends "/" for a URL without a path, keeps a bare query, drops the fragment', async () => {
    await client.send({ url: server.origin, body: Buffer.from('{}'), headers: {} });
    await client.send({ url: `${server.origin}?x=1`, body: Buffer.from('{}'), headers: {} });
    await client.send({ url: `${server.origin}/p?q=1#fragment`, body: Buffer.from('{}'), headers: {} });
    expect(received.map((r) => r.url)).toEqual(['/', '/?x=1', '/p?q=1']);
  });

  it('lets the caller override content-type (any case) but not content-length', async () => {
    const body = Buffer.from('{"a":1}');
    await client.send({
      url: `${server.origin}/`,
      body,
      headers: { 'Content-Type': 'application/cloudevents+json', 'Content-Length': '999' },
    });
    expect(received[0]?.headers['content-type']).toBe('application/cloudevents+json');
    expect(received[0]?.headers['content-length']).toBe(String(body.length));
  });

  it('does not modify the request object', async () => {
    const request = { url: `${server.origin}/x`, body: Buffer.from('{}'), headers: { 'X-Signature': 'sha512=ab' } };
    const copy = structuredClone(request);
    await client.send(request);
    expect(request).toEqual(copy);
  });

  it.each(['ftp://127.0.0.1/x', 'not a url', 'http://user:pw@127.0.0.1/', 'http://127.0.0.1/with space'])(
    'throws TargetInvalidError for %j: a bad target is hookproof input, not a receiver answer',
    async (url) => {
      const sending = client.send({ url, body: Buffer.alloc(0), headers: {} });
      await expect(sending).rejects.toBeInstanceOf(TargetInvalidError);
    },
  );

  it('throws UsageError for header values undici refuses to send', async () => {
    await expect(client.send({ url: `${server.origin}/`, body: Buffer.alloc(0), headers: { 'x-bad': 'a\r\nb' } })).rejects.toBeInstanceOf(UsageError);
  });

  it('rejects nonsensical options', () => {
    expect(() => new DeliveryClient({ timeoutMs: 0 })).toThrow(UsageError);
    expect(() => new DeliveryClient({ maxResponseBytes: -1 })).toThrow(UsageError);
    expect(() => new DeliveryClient({ connections: 1.5 })).toThrow(UsageError);
  });
});
