import { setTimeout as sleep } from 'node:timers/promises';
import type { Engine } from '../src/engine';
import { CAPACITY_LIMITS, runCapacity, createLatencyHistogram, decodeHistogram, summariseLatency } from './shipped';
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

const FIRST_RATE = 1000;
// Bisection stops when the bracket [held, broke] is this tight.
const PRECISION = 1.1;
// Pause between steps, so whatever is still in flight drains.
const COOLDOWN_MS = 500;
// A step with an event-loop stall of this process this long is run once more.
const STALL_RETRY_MS = 100;

/**
 * Whether capacity sustained `rate` for one step against a receiver that answers at once: every
 * event accepted, and hookproof kept its own schedule, its p99 latency from the scheduled time
 * under a tenth of the step. A sender that cannot keep a rate falls behind linearly, by
 * (rate / its speed - 1) x the step by the step's end; CAP-1's 5 s bound, meant for receivers,
 * would call a 3 s step at twice hookproof's own speed "held" (this bench once read 20,000/s so).
 */
async function sustains(url: string, secret: string, engine: Engine, rate: number, stepMs: number): Promise<boolean> {
  for (let attempt = 1; ; attempt += 1) {
    const report = await runCapacity({ url, secrets: [secret], allowHttp: true, engine, seed: rate + attempt, rate, durationMs: stepMs, maxInFlight: MAX_IN_FLIGHT });
    const phase = report.phases[0];
    if (phase === undefined) return false;
    if (phase.classes.success === phase.scheduled && phase.lateSuccesses === 0 && phase.latency.p99Ms < stepMs / 10) return true;
    // A step during which the machine stopped this process (other work on the same cores) says
    // nothing about the rate: it is run once more.
    if (attempt >= 2 || phase.selfStallMaxMs < STALL_RETRY_MS) return false;
    await sleep(COOLDOWN_MS);
  }
}

/** Doubling from FIRST_RATE until a step is not sustained (or the ceiling is), then bisecting to within PRECISION. */
async function highestSustainedRate(url: string, secret: string, engine: Engine, stepMs: number): Promise<{ held: number; broke: number }> {
  let held = 0;
  let broke = 0;
  // Up to capacity's own hard ceiling: a rate above it is refused.
  for (let rate = FIRST_RATE; ; rate = Math.min(rate * 2, CAPACITY_LIMITS.maxRate)) {
    if (!(await sustains(url, secret, engine, rate, stepMs))) {
      broke = rate;
      break;
    }
    held = rate;
    if (rate === CAPACITY_LIMITS.maxRate) break;
    await sleep(COOLDOWN_MS);
  }
  while (broke > 0 && held > 0 && broke / held > PRECISION) {
    await sleep(COOLDOWN_MS);
    const mid = Math.round((held + broke) / 2 / 100) * 100;
    if (await sustains(url, secret, engine, mid, stepMs)) held = mid;
    else broke = mid;
  }
  return { held, broke };
}

/**
 * What `capacity` itself sustains against a receiver that answers at once (bench/bareReceiver.js,
 * in its own process): the highest rate it keeps (see sustains); and the latency hookproof adds at a
 * moderate fixed rate, side by side with a peer that is nothing but a bare undici loop offering
 * the same rate on the same open-model schedule (latency from each request's scheduled time, as
 * capacity measures it) of signed bodies with ids of their own to the same receiver. The receiver
 * does nothing, so the peer's latency is loopback plus the machine's own scheduling, and
 * what capacity adds to it is hookproof's overhead.
 *
 * The two alternate (hookproof, peer, peer, hookproof: order favours neither), each for `stepMs`,
 * after the ramp has warmed the receiver; percentiles are over both runs of each side.
 */
export async function benchCapacity(url: string, secret: string, engine: Engine, bodies: readonly Buffer[], stepMs: number): Promise<Record<string, number>> {
  const found = await highestSustainedRate(url, secret, engine, stepMs);

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
    max_sustained_per_s: found.held,
    broke_at_per_s: found.broke,
    p50_ms_at_1000: own.p50Ms,
    p99_ms_at_1000: own.p99Ms,
    peer_p50_ms_at_1000: bare.p50Ms,
    peer_p99_ms_at_1000: bare.p99Ms,
    p99_added_ms: round(own.p99Ms - bare.p99Ms, 2),
    p99_ratio: round(own.p99Ms / Math.max(0.001, bare.p99Ms), 2),
  };
}
