import type { CapacityRecoveryRecord } from '../evidence/capacitySection';
import { setTimeout as sleep } from 'node:timers/promises';
import type { DeliveryResult } from '../delivery/DeliveryResult';
import { plural } from '../text/plural';
import { gridx } from '../contract/gridx';
import { retryDelayMs } from '../contract/retryPolicy';
import { signedRequest, type CapacityTarget } from './capacityTarget';
import type { FedEvent } from './eventFeed';
import type { CapacityJudgement } from './judgeCapacity';
import type { CapacitySample } from './loadPhase';

export interface RecoveryBurstOptions extends CapacityTarget {
  /** The declared rate: the outage's backlog is rate × outage, and live events keep arriving at it. */
  readonly rate: number;
  readonly outageMs: number;
  /** How long live events keep arriving while the backlog is delivered. */
  readonly liveMs: number;
  /** Retries after the first attempt (gridX's: `gridx.retry.retries`), waits of base × factor^(n−1) (`retryDelayMs`). */
  readonly retries: number;
  readonly retryBaseMs: number;
  /** Every n-th backlog event is delivered twice (gridX delivers at least once). Default 10. */
  readonly duplicateEvery?: number;
}

/** CAP-2's recovery burst as the report holds it: evidence's record, the one definition. */
export type RecoveryBurstResult = CapacityRecoveryRecord;

const RETRY_AFTER_CAP_MS = 60_000;

interface Delivery {
  readonly event: FedEvent;
  readonly dueMs: number;
  readonly duplicate: boolean;
}

/**
 * CAP-2: the backlog of an outage arrives at once (as gridX's queue drains), with duplicates,
 * while live events keep arriving at the declared rate; every delivery follows gridX's retry
 * policy, waiting at least what a `Retry-After` asks (capped at a minute).
 */
export async function runRecoveryBurst(options: RecoveryBurstOptions): Promise<RecoveryBurstResult> {
  const backlog = Math.round((options.rate * options.outageMs) / 1000);
  const every = options.duplicateEvery ?? 10;
  const deliveries: Delivery[] = [];
  for (let i = 0; i < backlog; i += 1) {
    const event = options.feed.next();
    deliveries.push({ event, dueMs: 0, duplicate: false });
    if ((i + 1) % every === 0) deliveries.push({ event, dueMs: 0, duplicate: true });
  }
  const live = Math.floor((options.rate * options.liveMs) / 1000);
  for (let k = 0; k < live; k += 1) deliveries.push({ event: options.feed.next(), dueMs: (k * 1000) / options.rate, duplicate: false });

  const acceptedByAttempt = Array.from({ length: options.retries + 1 }, () => 0);
  const failures: CapacitySample[] = [];
  let lostPermanently = 0;
  let exhausted = 0;
  let duplicatesAccepted = 0;
  let retryAfterHonoured = 0;
  const start = performance.now();

  const deliver = async (delivery: Delivery): Promise<void> => {
    const request = signedRequest(options, delivery.event);
    for (let attempt = 0; ; attempt += 1) {
      const result = await options.client.send(request);
      if (result.outcome === 'success') {
        acceptedByAttempt[attempt] = (acceptedByAttempt[attempt] ?? 0) + 1;
        if (delivery.duplicate) duplicatesAccepted += 1;
        return;
      }
      const final = result.outcome === 'permanent' || result.outcome === 'gone';
      if (final || attempt >= options.retries || options.signal?.aborted === true) {
        if (final) lostPermanently += 1;
        else exhausted += 1;
        if (failures.length < 5) failures.push(sample(delivery, attempt, performance.now() - start, result));
        return;
      }
      const backoff = retryDelayMs({ ...gridx.retry, baseDelayMs: options.retryBaseMs }, attempt + 1);
      const asked = retryAfterMs(result);
      if (asked !== undefined && asked > backoff) retryAfterHonoured += 1;
      await sleep(Math.max(backoff, asked ?? 0));
    }
  };

  // The schedule is open: a delivery waits for its due time and for a free slot, never for others' retries.
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < deliveries.length && options.signal?.aborted !== true) {
      const delivery = deliveries[next] as Delivery;
      next += 1;
      const wait = delivery.dueMs - (performance.now() - start);
      if (wait > 0) await sleep(wait);
      await deliver(delivery);
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.maxInFlight, Math.max(1, deliveries.length)) }, worker));

  const accepted = acceptedByAttempt.reduce((a, b) => a + b, 0);
  return {
    backlog,
    duplicates: deliveries.filter((d) => d.duplicate).length,
    live,
    accepted,
    acceptedByAttempt,
    lostPermanently,
    exhausted,
    duplicatesAccepted,
    retryAfterHonoured,
    failures,
    interrupted: options.signal?.aborted === true,
  };
}

/** CAP-2's verdict on a burst. */
export function judgeRecovery(burst: RecoveryBurstResult): CapacityJudgement {
  const total = burst.backlog + burst.duplicates + burst.live;
  const text = `backlog of ${burst.backlog} (+${burst.duplicates} duplicates) with ${burst.live} live events`;
  if (burst.interrupted) return { requirement: 'CAP-2', status: 'inconclusive', summary: `interrupted during the recovery burst (${text})`, failures: burst.failures };
  if (burst.accepted === total) {
    const retried = total - (burst.acceptedByAttempt[0] ?? 0);
    return { requirement: 'CAP-2', status: 'pass', summary: `absorbed a ${text}: all ${total} accepted, ${retried} after retries, duplicates included`, failures: [] };
  }
  const reasons: string[] = [];
  if (burst.lostPermanently > 0) reasons.push(`${plural(burst.lostPermanently, 'delivery', 'deliveries')} refused permanently (lost: gridX does not retry them)`);
  if (burst.exhausted > 0) reasons.push(`${burst.exhausted} still refused after gridX's 5 retries`);
  if (burst.duplicates > burst.duplicatesAccepted) reasons.push(`${burst.duplicates - burst.duplicatesAccepted} of ${burst.duplicates} duplicates not accepted`);
  return { requirement: 'CAP-2', status: 'fail', summary: `did not absorb a ${text}: ${reasons.join('; ')}`, failures: burst.failures };
}

/** Retry-After in ms: delay-seconds or an HTTP date; capped, so a receiver cannot stall the run. */
function retryAfterMs(result: DeliveryResult): number | undefined {
  const value = result.headers['retry-after'];
  if (value === undefined) return undefined;
  const seconds = /^\s*(\d+)\s*$/.exec(value);
  const ms = seconds !== null ? Number(seconds[1]) * 1000 : Date.parse(value) - Date.now();
  return Number.isFinite(ms) ? Math.min(RETRY_AFTER_CAP_MS, Math.max(0, ms)) : undefined;
}

function sample(delivery: Delivery, attempt: number, atMs: number, result: DeliveryResult): CapacitySample {
  const retryAfter = result.headers['retry-after'];
  return {
    sequence: attempt,
    type: delivery.event.type,
    id: delivery.event.id,
    scheduledAtMs: Math.round(delivery.dueMs),
    latencyMs: Math.round(atMs - delivery.dueMs),
    outcome: result.outcome,
    ...(result.status !== undefined ? { status: result.status } : {}),
    ...(retryAfter !== undefined ? { retryAfter } : {}),
    answer: result.body.subarray(0, 300).toString('utf8'),
    ...(result.error !== undefined ? { error: result.error.message } : {}),
  };
}
