import autocannon from 'autocannon';
import { createDeliveryClient } from '../src/delivery';
import { sign } from '../src/signing';
import { round } from './measure';

interface Run {
  readonly accepted: number;
  readonly seconds: number;
}

/** hookproof's delivery client: `amount` signed bodies from `bodies` at `concurrency`. */
async function hookproofRun(url: string, secret: string, bodies: readonly Buffer[], concurrency: number, amount: number, first: number): Promise<Run> {
  const client = createDeliveryClient({ connections: concurrency });
  let next = 0;
  let failed = 0;
  const started = process.hrtime.bigint();
  let lastAnswer = started;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < amount) {
        const body = bodies[(first + next) % bodies.length] as Buffer;
        next += 1;
        const result = await client.send({ url, body, headers: { 'x-signature': sign(body, [secret]) } });
        lastAnswer = process.hrtime.bigint();
        if (result.outcome !== 'success') failed += 1;
      }
    }),
  );
  const seconds = Number(lastAnswer - started) / 1e9;
  await client.close();
  if (failed > 0) throw new Error(`${failed} hookproof deliveries were not accepted`);
  return { accepted: amount, seconds };
}

/** autocannon doing the same: each request a distinct body from `bodies`, signed in setupRequest. */
async function autocannonRun(url: string, secret: string, bodies: readonly Buffer[], concurrency: number, amount: number, first: number): Promise<Run> {
  let i = first;
  let lastAnswer = 0n;
  const started = process.hrtime.bigint();
  const instance = autocannon({
    url,
    connections: concurrency,
    amount,
    method: 'POST',
    requests: [
      {
        setupRequest: (request: Record<string, unknown>) => {
          const body = bodies[i % bodies.length] as Buffer;
          i += 1;
          return { ...request, body, headers: { 'content-type': 'application/json', 'x-signature': sign(body, [secret]) } };
        },
      },
    ],
  } as never) as unknown as NodeJS.EventEmitter & PromiseLike<unknown>;
  // Timed as hookproof is, from the call to the last answer: autocannon's own `duration` ends at
  // its next once-a-second sample after the last answer, so it counted up to a second too many
  // (its rates came out as the requests over whole seconds: 5000 / 2.01 s = 2,488/s).
  instance.on('response', () => {
    lastAnswer = process.hrtime.bigint();
  });
  const result = await instance;
  return { accepted: (result as { '2xx': number })['2xx'], seconds: Number(lastAnswer - started) / 1e9 };
}

/**
 * Signed, distinct events delivered per second to the same receiver at the same concurrency:
 * hookproof's delivery client against autocannon, both signing each request.
 *
 * Order is not allowed to decide: both first warm the receiver and their own code (500 requests
 * each, not counted), then run in the order hookproof, autocannon, autocannon, hookproof, with
 * half the requests each time, so that a receiver or machine that speeds up or slows down over
 * the measurement favours neither. Each side's rate is its accepted requests over its summed time.
 */
export async function benchDelivery(url: string, secret: string, bodies: readonly Buffer[], concurrency: number, amount: number): Promise<Record<string, number>> {
  const warmUp = Math.min(500, amount);
  await hookproofRun(url, secret, bodies, concurrency, warmUp, 0);
  await autocannonRun(url, secret, bodies, concurrency, warmUp, 0);
  const half = Math.ceil(amount / 2);
  const hookproof: Run[] = [];
  const peer: Run[] = [];
  hookproof.push(await hookproofRun(url, secret, bodies, concurrency, half, warmUp));
  peer.push(await autocannonRun(url, secret, bodies, concurrency, half, warmUp));
  peer.push(await autocannonRun(url, secret, bodies, concurrency, half, warmUp + half));
  hookproof.push(await hookproofRun(url, secret, bodies, concurrency, half, warmUp + half));
  const rate = (runs: readonly Run[]): number => runs.reduce((n, r) => n + r.accepted, 0) / runs.reduce((s, r) => s + r.seconds, 0);
  const acceptedByAutocannon = peer.reduce((n, r) => n + r.accepted, 0);
  if (acceptedByAutocannon < 2 * half) throw new Error(`${2 * half - acceptedByAutocannon} autocannon deliveries were not accepted`);
  const hookproofPerS = rate(hookproof);
  const autocannonPerS = rate(peer);
  return {
    concurrency,
    requests: 2 * half,
    hookproof_per_s: round(hookproofPerS, 1),
    autocannon_per_s: round(autocannonPerS, 1),
    ratio: round(hookproofPerS / autocannonPerS),
    autocannon_2xx: acceptedByAutocannon,
  };
}
