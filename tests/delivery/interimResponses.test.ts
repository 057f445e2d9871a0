import { createServer as createNetServer, type Socket } from 'node:net';
import fc from 'fast-check';
import { DeliveryClient, type DeliveryRequest } from '../../src/delivery';
import { responseStart } from '../../src/delivery/interimResponses';
import { closeAfterAll, listen, type Listening } from '../support/servers';

const post = (origin: string): DeliveryRequest => ({ url: `${origin}/hook`, body: Buffer.from('{"id":"1","type":"ping"}'), headers: {} });

const INTERIMS = ['HTTP/1.1 100 Continue\r\n\r\n', 'HTTP/1.1 103 Early Hints\r\nlink: </style.css>; rel=preload; as=style\r\n\r\n', 'HTTP/1.1 102 Processing\r\n\r\n'];

/**
 * A raw HTTP/1.1 receiver: for each request it writes `answer(n)` (the n-th request's whole
 * response, interims included) cut into the given pieces, one write per piece, so the client meets
 * every way the bytes can arrive. Keeps the connection open between requests.
 */
function rawReceiver(answer: (n: number) => { bytes: string; cuts: readonly number[] }): ReturnType<typeof createNetServer> {
  let n = 0;
  return createNetServer((socket: Socket) => {
    socket.on('error', () => undefined);
    let pending = Buffer.alloc(0);
    socket.on('data', (data: Buffer) => {
      pending = Buffer.concat([pending, data]);
      const headEnd = pending.indexOf('\r\n\r\n');
      if (headEnd < 0) return;
      const length = Number(/content-length: *(\d+)/i.exec(pending.subarray(0, headEnd).toString('latin1'))?.[1] ?? 0);
      if (pending.length < headEnd + 4 + length) return;
      pending = pending.subarray(headEnd + 4 + length);
      n += 1;
      const { bytes, cuts } = answer(n);
      const all = Buffer.from(bytes, 'latin1');
      const points = [...new Set(cuts.map((c) => c % all.length))].sort((a, b) => a - b);
      let from = 0;
      const pieces: Buffer[] = [];
      for (const point of [...points, all.length]) {
        if (point > from) pieces.push(all.subarray(from, point));
        from = Math.max(from, point);
      }
      // Each piece in its own turn, so that they reach the client as separate reads.
      const writeNext = (): void => {
        const piece = pieces.shift();
        if (piece === undefined || socket.destroyed) return;
        socket.write(piece, () => setImmediate(writeNext));
      };
      writeNext();
    });
  });
}

describe('interim (1xx) responses are skipped before the final answer (RFC 9110 §15.2)', () => {
  const closing = closeAfterAll();
  const client = new DeliveryClient({ timeoutMs: 5000 });
  afterAll(() => client.close());

  it('skips 100 Continue, 102 and 103 Early Hints however the bytes are cut, on a reused connection', async () => {
    let script: { interims: string[]; status: number; cuts: number[] } = { interims: [], status: 200, cuts: [] };
    const server: Listening = await closing(
      listen(
        rawReceiver(() => {
          const reason = script.status === 401 ? 'Unauthorized' : 'OK';
          const body = script.status === 401 ? '' : '{"ok":true}';
          return { bytes: `${script.interims.join('')}HTTP/1.1 ${script.status} ${reason}\r\ncontent-length: ${body.length}\r\n\r\n${body}`, cuts: script.cuts };
        }),
      ),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom(...INTERIMS), { minLength: 1, maxLength: 3 }),
        fc.constantFrom(200, 401),
        fc.array(fc.nat(400), { maxLength: 6 }),
        async (interims, status, cuts) => {
          script = { interims, status, cuts };
          const result = await client.send(post(server.origin));
          expect(result.error).toBeUndefined();
          expect(result.status).toBe(status);
          expect(result.body.toString()).toBe(status === 401 ? '' : '{"ok":true}');
        },
      ),
      { numRuns: 25 },
    );
  });

  it('does not take 101 Switching Protocols for an interim answer: it is no answer to a webhook', async () => {
    const server = await closing(listen(rawReceiver(() => ({ bytes: 'HTTP/1.1 101 Switching Protocols\r\nupgrade: websocket\r\nconnection: upgrade\r\n\r\n', cuts: [] }))));
    const result = await client.send(post(server.origin));
    expect(result.outcome).toBe('error');
    expect(result.status).toBeUndefined();
  });
});

describe('responseStart', () => {
  it('asks for more bytes while a status line may still turn out interim, and never for a non-HTTP start', () => {
    fc.assert(
      fc.property(fc.constantFrom(...INTERIMS), fc.nat(), (interim, at) => {
        const whole = Buffer.from(`${interim}HTTP/1.1 204 No Content\r\n\r\n`, 'latin1');
        const cut = at % interim.length;
        expect(responseStart(whole.subarray(0, cut)).kind).toBe('more');
        expect(responseStart(whole)).toMatchObject({ kind: 'interim', length: interim.length });
      }),
    );
    expect(responseStart(Buffer.from('HTTP/1.1 204 No Content\r\n\r\n'))).toEqual({ kind: 'final' });
    expect(responseStart(Buffer.from('SSH-2.0'))).toEqual({ kind: 'final' });
    expect(responseStart(Buffer.from('HTTP/1.1 1'))).toEqual({ kind: 'more' });
  });
});
