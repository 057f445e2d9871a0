import { DeliveryClient, deliverWithRetries, type DeliveryRequest, type DeliveryResult } from '../../src/delivery';
import { UsageError } from '../../src/errors';
import { closeAfterAll, serveReadingBody, type RunningReceiver } from '../support/servers';

type Arrival = { at: number; body: Buffer; signature: string | undefined; url: string };

describe('deliverWithRetries', () => {
  const closing = closeAfterAll();
  let client: DeliveryClient;
  let server: RunningReceiver;
  let script: Array<number | 'hang'> = [];
  let arrivals: Arrival[] = [];

  beforeAll(async () => {
    // No re-send on hookproof's own stall here: these tests count attempts.
    client = await closing(new DeliveryClient({ timeoutMs: 150, stallResends: 0 }));
    // Answers the scripted statuses in order, then 204; records every attempt.
    server = await closing(
      serveReadingBody((request, body, response) => {
        const signature = request.headers['x-signature'];
        arrivals.push({ at: performance.now(), body, signature: typeof signature === 'string' ? signature : undefined, url: request.url ?? '' });
        const next = script.shift() ?? 204;
        if (next !== 'hang') response.writeHead(next).end();
      }),
    );
  });
  beforeEach(() => {
    arrivals = [];
  });

  const request = (): DeliveryRequest => ({
    url: `${server.origin}/hooks/gridx?tenant=7`,
    body: Buffer.from('{"id":"6f1c","type":"ping",  "data":{}}'),
    headers: { 'x-signature': `sha512=${'ab'.repeat(64)}` },
  });

  it('retries 503 twice, then stops on 204, with growing delays and identical requests', async () => {
    script = [503, 503];
    const sent = request();
    const { attempts, final, delaysMs } = await deliverWithRetries(client, sent, { baseDelayMs: 20, factor: 2 });
    expect(attempts.map((a) => a.status)).toEqual([503, 503, 204]);
    expect(final).toBe(attempts[2]);
    expect(final.outcome).toBe('success');
    expect(delaysMs).toEqual([20, 40]);

    expect(arrivals).toHaveLength(3);
    for (const arrival of arrivals) {
      expect(arrival.body.equals(sent.body)).toBe(true);
      expect(arrival.signature).toBe(sent.headers['x-signature']);
      expect(arrival.url).toBe('/hooks/gridx?tenant=7');
    }
    const [first, second, third] = arrivals.map((a) => a.at);
    // Timers may fire a little late, never early (1 ms slack for clock granularity).
    expect((second ?? 0) - (first ?? 0)).toBeGreaterThanOrEqual(19);
    expect((third ?? 0) - (second ?? 0)).toBeGreaterThanOrEqual(39);
  });

  it.each([
    [410, 'gone'],
    [400, 'permanent'],
    [302, 'permanent'],
  ])('stops at once on %i (%s)', async (status, outcome) => {
    script = [status];
    const { attempts, final, delaysMs } = await deliverWithRetries(client, request(), { baseDelayMs: 10 });
    expect(attempts).toHaveLength(1);
    expect(final.outcome).toBe(outcome);
    expect(delaysMs).toEqual([]);
    expect(arrivals).toHaveLength(1);
  });

  it('treats a timeout as transient and retries it', async () => {
    script = ['hang'];
    const { attempts } = await deliverWithRetries(client, request(), { baseDelayMs: 5 });
    expect(attempts.map((a) => a.outcome)).toEqual(['timeout', 'success']);
  });

  it('gives up after `retries` more attempts and returns the last answer', async () => {
    script = [500, 502, 429, 503];
    const options = { retries: 2, baseDelayMs: 1, factor: 3 };
    const { attempts, final, delaysMs } = await deliverWithRetries(client, request(), options);
    expect(attempts.map((a) => a.status)).toEqual([500, 502, 429]);
    expect(final.status).toBe(429);
    expect(delaysMs).toEqual([1, 3]);
    script = [];
  });

  it('uses gridX defaults: five retries, 1 s doubling', async () => {
    // A fake client that always fails transiently; the real waits would take 31 s, so the timers
    // are faked and only the planned delays are compared.
    jest.useFakeTimers();
    try {
      const answer: DeliveryResult = {
        outcome: 'transient',
        status: 503,
        headers: {},
        body: Buffer.alloc(0),
        bodyTruncated: false,
        durationMs: 1,
      };
      const fake = { send: jest.fn(() => Promise.resolve(answer)) };
      const pending = deliverWithRetries(fake, request());
      for (let i = 0; i < 5; i += 1) {
        await jest.advanceTimersToNextTimerAsync();
      }
      const { attempts, delaysMs } = await pending;
      expect(attempts).toHaveLength(6);
      expect(delaysMs).toEqual([1000, 2000, 4000, 8000, 16000]);
      expect(fake.send).toHaveBeenCalledTimes(6);
    } finally {
      jest.useRealTimers();
    }
  });

  it('rejects nonsensical options', async () => {
    await expect(deliverWithRetries(client, request(), { retries: -1 })).rejects.toBeInstanceOf(UsageError);
    await expect(deliverWithRetries(client, request(), { factor: 0.5 })).rejects.toBeInstanceOf(UsageError);
  });
});
