import { createHmac, timingSafeEqual } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { serveReadingBody, type RunningReceiver } from '../support/servers';

export const SECRET = 'capacity-test-secret-0123456789';

/** What a capacity receiver saw: ids (duplicates counted), bad signatures, connections in flight. */
export interface Observed {
  readonly ids: Map<string, number>;
  badSignatures: number;
  inFlight: number;
  maxInFlight: number;
}

export interface CapacityReceiver extends RunningReceiver {
  readonly seen: Observed;
}

function signedCorrectly(body: Buffer, header: string | undefined): boolean {
  const expected = Buffer.from(`sha512=${createHmac('sha512', SECRET).update(body).digest('hex')}`);
  return (header ?? '').split(', ').some((digest) => digest.length === expected.length && timingSafeEqual(Buffer.from(digest), expected));
}

/**
 * A receiver that verifies the signature, records the event id, and then lets `decide` answer
 * (now or later). Wrong signatures get 401, so a test sees that capacity sends signed events.
 */
async function observingReceiver(decide: (res: ServerResponse, seen: Observed, id: string) => void): Promise<CapacityReceiver> {
  const seen: Observed = { ids: new Map(), badSignatures: 0, inFlight: 0, maxInFlight: 0 };
  const receiver = await serveReadingBody((req, body, res) => {
    seen.inFlight += 1;
    seen.maxInFlight = Math.max(seen.maxInFlight, seen.inFlight);
    res.on('close', () => {
      seen.inFlight -= 1;
    });
    if (!signedCorrectly(body, req.headers['x-signature'] as string | undefined)) {
      seen.badSignatures += 1;
      res.writeHead(401).end();
      return;
    }
    const id = (JSON.parse(body.toString('utf8')) as { id: string }).id;
    seen.ids.set(id, (seen.ids.get(id) ?? 0) + 1);
    decide(res, seen, id);
  });
  return { ...receiver, seen };
}

/**
 * Holds exactly `rate` events/s (a token bucket with `burst` tokens of slack); beyond it, `overload`
 * answers (503 with Retry-After by default: good overload etiquette).
 */
export function tokenBucketReceiver(
  rate: number,
  burst: number,
  overload: (res: ServerResponse) => void = (res) => res.writeHead(503, { 'retry-after': '1' }).end('{"error":"slow down"}'),
): Promise<CapacityReceiver> {
  const take = tokenBucket(rate, burst);
  return observingReceiver((res) => {
    if (take()) res.writeHead(200).end();
    else overload(res);
  });
}

/**
 * The bucket of {@link tokenBucketReceiver}: `rate` tokens a second, at most `burst` saved up;
 * each call takes one if there is one (true) or finds none (false: the receiver is over capacity).
 */
export function tokenBucket(rate: number, burst: number): () => boolean {
  let tokens = burst;
  let last = performance.now();
  return () => {
    const now = performance.now();
    tokens = Math.min(burst, tokens + ((now - last) * rate) / 1000);
    last = now;
    if (tokens < 1) return false;
    tokens -= 1;
    return true;
  };
}

/**
 * Works through deliveries one at a time, `serviceMs` each: its latency grows with its queue.
 * `pause(ms)` stops the work for a while, as a garbage-collection pause or a slow database would.
 */
export async function queueReceiver(serviceMs: number): Promise<CapacityReceiver & { pause(ms: number): void }> {
  const queue: ServerResponse[] = [];
  let busyUntil = 0;
  let working = false;
  const work = (): void => {
    if (working) return;
    const next = queue.shift();
    if (next === undefined) return;
    working = true;
    const wait = Math.max(serviceMs, busyUntil - performance.now());
    setTimeout(() => {
      working = false;
      if (!next.destroyed) next.writeHead(200).end();
      work();
    }, wait);
  };
  const receiver = await observingReceiver((res) => {
    queue.push(res);
    work();
  });
  return {
    ...receiver,
    pause: (ms: number) => {
      busyUntil = performance.now() + ms;
    },
  };
}

/** Keeps at most `capacity` deliveries waiting; a full queue answers 507, which gridX never retries. */
export function boundedQueueReceiver(capacity: number, serviceMs: number): Promise<CapacityReceiver> {
  let waiting = 0;
  return observingReceiver((res) => {
    if (waiting >= capacity) {
      res.writeHead(507).end('{"error":"queue full"}');
      return;
    }
    waiting += 1;
    setTimeout(() => {
      waiting -= 1;
      res.writeHead(200).end();
    }, serviceMs);
  });
}

/**
 * Refuses its first `count` deliveries with 503 and `Retry-After: retryAfterS`, then accepts
 * everything; `arrivals` lists the event ids in the order they came (a retry repeats its id).
 */
export async function refusingFirstReceiver(count: number, retryAfterS: number): Promise<CapacityReceiver & { readonly arrivals: readonly string[] }> {
  const arrivals: string[] = [];
  const receiver = await observingReceiver((res, _seen, id) => {
    arrivals.push(id);
    if (arrivals.length <= count) res.writeHead(503, { 'retry-after': String(retryAfterS) }).end();
    else res.writeHead(200).end();
  });
  return { ...receiver, arrivals };
}

/**
 * In front of `receiver`: answers its first `refusals` deliveries itself with `refuse`, and hands
 * every later one on, answering what the receiver answered.
 */
export function refusingFront(receiver: Pick<RunningReceiver, 'url'>, refusals: number, refuse: (res: ServerResponse) => void): Promise<RunningReceiver> {
  let left = refusals;
  return serveReadingBody((req, body, res) => {
    if (left > 0) {
      left -= 1;
      refuse(res);
      return;
    }
    void fetch(receiver.url, { method: 'POST', headers: req.headers as Record<string, string>, body }).then(async (answer) => {
      res.writeHead(answer.status).end(await answer.text());
    });
  });
}
