import type { Engine } from '../src/engine';
import { runCapacity } from '../src/capacity';
import { round } from './measure';

/**
 * What `capacity` itself sustains against a receiver that answers at once (the reference receiver
 * in its own process): the highest rate --find-max reports, and the p99 latency hookproof adds at
 * a moderate rate (the receiver does almost nothing, so that p99 is hookproof's own overhead plus
 * loopback).
 */
export async function benchCapacity(url: string, secret: string, engine: Engine, stepMs: number): Promise<Record<string, number>> {
  const found = await runCapacity({ url, secrets: [secret], allowHttp: true, engine, seed: 1, findMax: { startRate: 500, maxRate: 20_000, stepMs, cooldownMs: 500 } });
  const overhead = await runCapacity({ url, secrets: [secret], allowHttp: true, engine, seed: 2, rate: 1000, durationMs: stepMs });
  const latency = overhead.phases[0]?.latency;
  return {
    max_sustained_per_s: found.findMax?.maxHeldRate ?? 0,
    broke_at_per_s: found.findMax?.brokeAt?.rate ?? 0,
    p50_ms_at_1000: round(latency?.p50Ms ?? 0, 2),
    p99_ms_at_1000: round(latency?.p99Ms ?? 0, 2),
  };
}
