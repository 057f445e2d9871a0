import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDeliveryClient } from '../delivery/DeliveryClient';
import { signedRequest, type CapacityTarget } from './capacityTarget';

/** Deliveries made to the warm-up sink, and how many at a time. */
export const WARM_UP_DELIVERIES = 64;
const WARM_UP_CONCURRENCY = 4;
// The whole warm-up gives up after this: it is an optimisation, never a reason to wait.
const WARM_UP_DEADLINE_MS = 2000;

/**
 * Runs hookproof's own send path (signing, the delivery client, undici's HTTP/1.1 code) before a
 * phase's clock starts, against a sink of its own on loopback that answers 200 at once: the
 * receiver sees none of it.
 *
 * Why: in a fresh process the first second of a phase ran on cold code. Sends fell 150–330 ms
 * behind their schedule; the events due meanwhile then left together, each opening a connection
 * of its own, and that start showed in the receiver's latency: at 1000 events/s against a receiver
 * that answers at once, a first phase's p99 was 365–730 ms. Warmed first, 30–60 ms on an idle
 * machine (bench/capacity.ts measures the phases).
 *
 * Resolves with the number of deliveries the sink answered; 0 when it could not run (no loopback
 * listener allowed, an aborted run). Never throws.
 */
export async function warmSendPath(target: Pick<CapacityTarget, 'secrets' | 'signatureHeader' | 'extraHeaders' | 'signal'>): Promise<number> {
  if (target.signal?.aborted === true) return 0;
  const sink = await listenOnLoopback();
  if (sink === undefined) return 0;
  const client = createDeliveryClient({ timeoutMs: WARM_UP_DEADLINE_MS, stallResends: 0, proxyEnv: {} });
  const url = `http://127.0.0.1:${(sink.address() as AddressInfo).port}/`;
  const deadline = performance.now() + WARM_UP_DEADLINE_MS;
  const body = Buffer.from(JSON.stringify({ id: '00000000-0000-4000-8000-000000000000', type: 'hookproof.warm-up' }), 'utf8');
  const request = signedRequest({ ...target, url }, { type: 'hookproof.warm-up', id: '', body });
  let started = 0;
  let answered = 0;
  try {
    await Promise.all(
      Array.from({ length: WARM_UP_CONCURRENCY }, async () => {
        while (started < WARM_UP_DELIVERIES && performance.now() < deadline && target.signal?.aborted !== true) {
          started += 1;
          const result = await client.send(request);
          if (result.outcome !== 'success') return;
          answered += 1;
        }
      }),
    );
  } finally {
    await client.close();
    sink.closeAllConnections();
    await new Promise<void>((resolve) => sink.close(() => resolve()));
  }
  return answered;
}

function listenOnLoopback(): Promise<Server | undefined> {
  return new Promise((resolve) => {
    const server = createServer((request, response) => {
      request.resume();
      request.on('end', () => response.end());
    });
    server.once('error', () => resolve(undefined));
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}
