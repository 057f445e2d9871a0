import autocannon from 'autocannon';
import { createDeliveryClient } from '../src/delivery';
import { sign } from '../src/signing';
import { round } from './measure';

/**
 * Signed, distinct events delivered per second to the same receiver at the same concurrency:
 * hookproof's delivery client against autocannon, both signing each request.
 */
export async function benchDelivery(url: string, secret: string, bodies: readonly Buffer[], concurrency: number, amount: number): Promise<Record<string, number>> {
  const client = createDeliveryClient({ connections: concurrency });
  let next = 0;
  let failed = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < amount) {
        const body = bodies[next % bodies.length] as Buffer;
        next += 1;
        const result = await client.send({ url, body, headers: { 'x-signature': sign(body, [secret]) } });
        if (result.outcome !== 'success') failed += 1;
      }
    }),
  );
  const hookproofSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  await client.close();
  if (failed > 0) throw new Error(`${failed} hookproof deliveries were not accepted`);

  let i = 0;
  const result = await autocannon({
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
  } as never);
  const acceptedByAutocannon = (result as { '2xx': number })['2xx'];
  const autocannonSeconds = (result as { duration: number }).duration;
  const hookproofPerS = amount / hookproofSeconds;
  const autocannonPerS = acceptedByAutocannon / autocannonSeconds;
  return {
    concurrency,
    requests: amount,
    hookproof_per_s: round(hookproofPerS, 1),
    autocannon_per_s: round(autocannonPerS, 1),
    ratio: round(hookproofPerS / autocannonPerS),
    autocannon_2xx: acceptedByAutocannon,
  };
}
