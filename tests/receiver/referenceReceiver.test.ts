import { randomUUID } from 'node:crypto';
import { createServer, request as httpRequest } from 'node:http';
import { DeliveryClient, type DeliveryResult } from '../../src/delivery';
import { SecretMissingError } from '../../src/errors';
import { createReferenceHandler, startReferenceReceiver, type ReferenceReceiver } from '../../src/receiver';
import { sign } from '../../src/signing';
import { closeAfterAll, listen } from '../support/servers';

const CURRENT = 'whsec-current';
const PREVIOUS = 'whsec-previous';
const OTHER = 'whsec-someone-else';

function event(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: randomUUID(),
    accountID: 'acc-1',
    source: 'gridx',
    specVersion: '1.0',
    time: '2026-11-25T12:00:00.000+01:00',
    type: 'ping',
    data: {},
    ...overrides,
  };
}

describe('reference receiver', () => {
  const closing = closeAfterAll();
  const client = new DeliveryClient({ timeoutMs: 2000 });
  let receiver: ReferenceReceiver;
  let processed: unknown[] = [];

  /** POSTs raw bytes with the given X-Signature (none if undefined). */
  const deliver = (body: string | Buffer, signature: string | undefined): Promise<DeliveryResult> =>
    client.send({
      url: receiver.url,
      body: Buffer.from(body),
      headers: signature === undefined ? {} : { 'x-signature': signature },
    });
  /** POSTs bytes signed with the receiver's current secret. */
  const deliverSigned = (body: string): Promise<DeliveryResult> => deliver(body, sign(body, [CURRENT]));

  beforeAll(async () => {
    await closing(client);
    receiver = await closing(startReferenceReceiver({ secrets: [CURRENT, PREVIOUS], onEvent: (e) => processed.push(e) }));
  });
  beforeEach(() => {
    processed = [];
  });
  it('listens on 127.0.0.1 with an ephemeral port', () => {
    expect(receiver.url).toBe(`http://127.0.0.1:${receiver.port}/`);
    expect(receiver.port).toBeGreaterThan(0);
  });

  it('accepts a correctly signed event with 202 and processes it after answering', async () => {
    const sent = event();
    const result = await deliverSigned(JSON.stringify(sent));
    expect(result).toMatchObject({ outcome: 'success', status: 202 });
    await new Promise((resolve) => setImmediate(resolve));
    expect(processed).toEqual([sent]);
  });

  it('accepts an event signed with the previous secret', async () => {
    const body = JSON.stringify(event());
    expect((await deliver(body, sign(body, [PREVIOUS]))).status).toBe(202);
  });

  it.each([
    ['no X-Signature header', (): string | undefined => undefined],
    ['a digest made with another secret', (body: string) => sign(body, [OTHER])],
    ['an empty header', () => ''],
    ['another algorithm', (body: string) => sign(body, [CURRENT]).replace('sha512=', 'sha256=')],
    ['a truncated digest', (body: string) => sign(body, [CURRENT]).slice(0, -2)],
    ['garbage around the digest', (body: string) => `x ${sign(body, [CURRENT])};`],
    ['several digests, none matching', (body: string) => sign(body, [OTHER, 'a', 'b', 'c', 'd'])],
  ])('rejects %s with 401 and an empty body', async (_name, signatureFor) => {
    const body = JSON.stringify(event());
    const before = receiver.stats().rejected;
    const result = await deliver(body, signatureFor(body));
    expect(result.status).toBe(401);
    expect(result.body.length).toBe(0);
    expect(receiver.stats().rejected).toBe(before + 1);
  });

  it('rejects a body changed after signing with 401', async () => {
    const body = JSON.stringify(event({ type: 'ping' }));
    const result = await deliver(body.replace('ping', 'pong'), sign(body, [CURRENT]));
    expect(result.status).toBe(401);
    expect(processed).toEqual([]);
  });

  it.each([1, 2, 4])('accepts a rotation header whose matching digest is at position %i of 5', async (position) => {
    const body = JSON.stringify(event());
    const secrets = ['old-1', 'old-2', 'old-3', 'old-4', 'old-5'];
    secrets[position] = CURRENT;
    expect((await deliver(body, sign(body, secrets))).status).toBe(202);
  });

  it('accepts upper-case hex and digests joined by "," (SIG-9)', async () => {
    const body = JSON.stringify(event());
    const signature = sign(body, [OTHER, CURRENT], { uppercase: true, separator: ',' });
    expect((await deliver(body, signature)).status).toBe(202);
  });

  it('verifies the raw bytes: re-formatted JSON (whitespace, key order, escapes) is accepted', async () => {
    const id = randomUUID();
    const body = `{\n  "type" :"ping",\t"id":   "${id}",\r\n` + ` "data": {"note":"\\u00e9\\ud83d\\ude00"} , "specVersion":"1.0"   }\n`;
    const result = await deliverSigned(body);
    expect(result.status).toBe(202);
    await new Promise((resolve) => setImmediate(resolve));
    expect(processed).toEqual([{ type: 'ping', id, data: { note: 'é😀' }, specVersion: '1.0' }]);
  });

  it.each([
    ['not JSON', 'this is {not json'],
    ['a JSON array', '[1,2]'],
    ['JSON null', 'null'],
    ['an object without id', JSON.stringify({ type: 'ping' })],
    ['a numeric id', JSON.stringify({ id: 7, type: 'ping' })],
  ])('answers a correctly signed body that is %s with 400 and a small JSON error', async (_name, body) => {
    const result = await deliverSigned(body);
    expect(result.status).toBe(400);
    expect(result.headers['content-type']).toBe('application/json');
    expect(JSON.parse(result.body.toString('utf8'))).toEqual({ error: expect.any(String) });
  });

  it('answers a duplicate id with the same 202 and processes it once', async () => {
    const body = JSON.stringify(event());
    const before = receiver.stats();
    const first = await deliverSigned(body);
    const second = await deliverSigned(body);
    expect([first.status, second.status]).toEqual([202, 202]);
    expect(second.body.equals(first.body)).toBe(true);
    await new Promise((resolve) => setImmediate(resolve));
    expect(processed).toHaveLength(1);
    expect(receiver.stats()).toEqual({ ...before, accepted: before.accepted + 1, duplicates: before.duplicates + 1 });
  });

  it.each(['gridx/some-future-type', 'ev/create', 'ev/control'])('accepts the unknown or deprecated type %s', async (type) => {
    const result = await deliverSigned(JSON.stringify(event({ type, extra: { nested: true } })));
    expect(result.status).toBe(202);
  });

  it('answers every concurrent delivery', async () => {
    const deliveries = Array.from({ length: 20 }, () => deliverSigned(JSON.stringify(event())));
    const results = await Promise.all(deliveries);
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(202));
  });

  it('answers methods other than POST with 405 and Allow: POST', async () => {
    const response = await fetch(receiver.url);
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
  });

  it('answers a body over 5 MiB with 413 without reading it all', async () => {
    const body = Buffer.alloc(5 * 1024 * 1024 + 1, 0x20);
    const result = await deliver(body, sign(body, [CURRENT]));
    expect(result.status).toBe(413);
  });

  it('answers 413 as soon as a chunked upload (no content-length) passes 5 MiB', async () => {
    const status = await new Promise<number | string>((resolve) => {
      const headers = { 'x-signature': 'sha512=00' };
      const upload = httpRequest(receiver.url, { method: 'POST', headers }, (response) => {
        response.resume();
        resolve(response.statusCode ?? 'no status');
      });
      upload.on('error', (error) => resolve(error.message));
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      let sent = 0;
      const pump = (): void => {
        while (sent < 8) {
          sent += 1;
          if (!upload.write(chunk)) {
            upload.once('drain', pump);
            return;
          }
        }
        upload.end();
      };
      pump();
    });
    expect(status).toBe(413);
  });

  it.each([
    [
      'throws',
      (): void => {
        throw new Error('application bug');
      },
    ],
    [
      'rejects',
      async (): Promise<void> => {
        await Promise.resolve();
        throw new Error('application bug');
      },
    ],
  ])('keeps answering when onEvent %s, and logs the failure', async (_name, onEvent) => {
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const failing = await startReferenceReceiver({ secrets: [CURRENT], onEvent });
    try {
      for (let i = 0; i < 2; i += 1) {
        const body = JSON.stringify(event());
        const result = await client.send({
          url: failing.url,
          body: Buffer.from(body),
          headers: { 'x-signature': sign(body, [CURRENT]) },
        });
        expect(result.status).toBe(202);
      }
      // The handler's failure is logged after the answer: wait for the two logs (bounded), then count.
      for (let waited = 0; waited < 5000 && errors.mock.calls.length < 2; waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
      expect(errors).toHaveBeenCalledTimes(2);
    } finally {
      errors.mockRestore();
      await failing.close();
    }
  });

  it('refuses to start without a secret', () => {
    expect(() => createReferenceHandler({ secrets: [] })).toThrow(SecretMissingError);
  });
});

describe('createReferenceHandler', () => {
  it('mounts on any node:http server, at any path', async () => {
    const handler = createReferenceHandler({ secrets: [CURRENT] });
    const server = await listen(
      createServer((request, response) => {
        if (request.url === '/webhooks/gridx') handler(request, response);
        else response.writeHead(404).end();
      }),
    );
    const client = new DeliveryClient({ timeoutMs: 2000 });
    try {
      const body = JSON.stringify(event());
      const result = await client.send({
        url: `${server.origin}/webhooks/gridx`,
        body: Buffer.from(body),
        headers: { 'x-signature': sign(body, [CURRENT]) },
      });
      expect(result.status).toBe(202);
      expect(handler.stats()).toEqual({ accepted: 1, duplicates: 0, rejected: 0 });
    } finally {
      await client.close();
      await server.close();
    }
  });
});
