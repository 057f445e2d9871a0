import type { Engine } from '../src/engine';
import { runCapacity } from '../src/capacity';
import { createLatencyHistogram, decodeHistogram, summariseLatency } from '../src/capacity/latencyHistogram';
import { round } from './measure';
import { openLoopUndici } from './openLoopPeer';

// capacity's default bound on deliveries in flight; the peer gets the same.
const MAX_IN_FLIGHT = 256;
const OVERHEAD_RATE = 1000;

/**
 * `count` bodies from `bodies`, each with an id of its own (tagged by `run`), made before the run:
 * the receiver must see new events from the peer as it does from capacity (a seen id is answered
 * without the work of a new one).
 */
function distinctBodies(bodies: readonly Buffer[], count: number, run: number): Buffer[] {
  return Array.from({ length: Math.ceil(count) }, (_, k) => {
    const event = JSON.parse((bodies[k % bodies.length] as Buffer).toString('utf8')) as Record<string, unknown>;
    event.id = `0000${run.toString(16).padStart(4, '0')}-0000-4000-8000-${k.toString(16).padStart(12, '0')}`;
    return Buffer.from(JSON.stringify(event), 'utf8');
  });
}

/**
 * What `capacity` itself sustains against a receiver that answers at once (the reference receiver
 * in its own process): the highest rate --find-max reports; and the latency hookproof adds at a
 * moderate fixed rate, side by side with a peer that is nothing but a bare undici loop offering
 * the same rate on the same open-model schedule (latency from each request's scheduled time, as
 * capacity measures it) of signed bodies with ids of their own to the same receiver. The receiver
 * does almost nothing, so the peer's latency is loopback plus the machine's own scheduling, and
 * what capacity adds to it is hookproof's overhead.
 *
 * The two alternate (hookproof, peer, peer, hookproof: order favours neither), each for `stepMs`,
 * after find-max has warmed the receiver; percentiles are over both runs of each side.
 */
export async function benchCapacity(url: string, secret: string, engine: Engine, bodies: readonly Buffer[], stepMs: number): Promise<Record<string, number>> {
  const found = await runCapacity({ url, secrets: [secret], allowHttp: true, engine, seed: 1, findMax: { startRate: 500, maxRate: 20_000, stepMs, cooldownMs: 500 } });

  const hookproof = createLatencyHistogram();
  const peer = createLatencyHistogram();
  const hookproofRun = async (seed: number): Promise<void> => {
    const report = await runCapacity({ url, secrets: [secret], allowHttp: true, engine, seed, rate: OVERHEAD_RATE, durationMs: stepMs, maxInFlight: MAX_IN_FLIGHT });
    const phase = report.phases[0];
    if (phase === undefined || phase.classes.success !== phase.scheduled) throw new Error(`capacity at ${OVERHEAD_RATE}/s: not every event was accepted`);
    hookproof.add(decodeHistogram(phase.histogram));
  };
  const peerRun = async (run: number): Promise<void> => {
    const result = await openLoopUndici(url, secret, distinctBodies(bodies, (OVERHEAD_RATE * stepMs) / 1000, run), OVERHEAD_RATE, stepMs, MAX_IN_FLIGHT);
    if (result.ok !== result.sent) throw new Error(`the undici loop at ${OVERHEAD_RATE}/s: ${result.sent - result.ok} requests were not accepted`);
    peer.add(result.histogram);
  };
  await hookproofRun(2);
  await peerRun(1);
  await peerRun(2);
  await hookproofRun(3);
  const own = summariseLatency(hookproof);
  const bare = summariseLatency(peer);
  return {
    max_sustained_per_s: found.findMax?.maxHeldRate ?? 0,
    broke_at_per_s: found.findMax?.brokeAt?.rate ?? 0,
    p50_ms_at_1000: own.p50Ms,
    p99_ms_at_1000: own.p99Ms,
    peer_p50_ms_at_1000: bare.p50Ms,
    peer_p99_ms_at_1000: bare.p99Ms,
    p99_added_ms: round(own.p99Ms - bare.p99Ms, 2),
    p99_ratio: round(own.p99Ms / Math.max(0.001, bare.p99Ms), 2),
  };
}
