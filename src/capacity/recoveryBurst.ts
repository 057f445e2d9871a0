import type { CapacityRecoveryRecord } from '../evidence/capacitySection';
import type { DeliveryResult } from '../delivery/DeliveryResult';
import { plural } from '../text/plural';
import { gridx } from '../contract/gridx';
import { retryDelayMs } from '../contract/retryPolicy';
import { signedRequest, type CapacityTarget } from './capacityTarget';
import { retryAfterMs } from './retryAfter';
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

/** A delivery's next attempt: the first, or a retry whose wait is over. */
interface Attempt {
  readonly delivery: Delivery;
  readonly attempt: number;
  readonly request: ReturnType<typeof signedRequest>;
  /** The answer that caused this retry. */
  readonly lastResult?: DeliveryResult;
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

  // A delivery holds one of the `maxInFlight` places only while it is sent: during a retry's wait
  // it is set aside (a timer puts it back), as gridX's queue does, so the live events keep arriving
  // on schedule however many deliveries wait to be retried. A retry whose wait is over goes first.
  const retriesDue: Attempt[] = [];
  // Deliveries waiting for a retry, by their timer (so that a stop can still count them).
  const retrying = new Map<NodeJS.Timeout, Attempt>();
  let next = 0;
  let sending = 0;
  let idle: Array<() => void> = [];
  const wakeOne = (): void => idle.pop()?.();
  const wakeAll = (): void => {
    const woken = idle;
    idle = [];
    for (const wake of woken) wake();
  };
  const aborted = (): boolean => options.signal?.aborted === true;
  options.signal?.addEventListener('abort', wakeAll, { once: true });
  const now = (): number => performance.now() - start;
  // One timer for the next delivery not yet due, waking one idle worker when it is.
  let dueTimer: NodeJS.Timeout | undefined;
  const armDueTimer = (): void => {
    const upcoming = deliveries[next];
    if (dueTimer !== undefined || upcoming === undefined) return;
    dueTimer = setTimeout(
      () => {
        dueTimer = undefined;
        wakeOne();
      },
      Math.max(0, upcoming.dueMs - now()),
    );
  };

  const finalFailure = (job: Attempt, result: DeliveryResult, lost: boolean): void => {
    if (lost) lostPermanently += 1;
    else exhausted += 1;
    if (failures.length < 5) failures.push(sample(job.delivery, job.attempt, now(), result));
  };

  const attempt = async (job: Attempt): Promise<void> => {
    const result = await options.client.send(job.request);
    if (result.outcome === 'success') {
      acceptedByAttempt[job.attempt] = (acceptedByAttempt[job.attempt] ?? 0) + 1;
      if (job.delivery.duplicate) duplicatesAccepted += 1;
      return;
    }
    const final = result.outcome === 'permanent' || result.outcome === 'gone';
    if (final || job.attempt >= options.retries || aborted()) {
      finalFailure(job, result, final);
      return;
    }
    const backoff = retryDelayMs({ ...gridx.retry, baseDelayMs: options.retryBaseMs }, job.attempt + 1);
    const asked = retryAfterMs(result, RETRY_AFTER_CAP_MS);
    if (asked !== undefined && asked > backoff) retryAfterHonoured += 1;
    const retry: Attempt = { ...job, attempt: job.attempt + 1, lastResult: result };
    const timer = setTimeout(
      () => {
        retrying.delete(timer);
        retriesDue.push(retry);
        wakeOne();
      },
      Math.max(backoff, asked ?? 0),
    );
    retrying.set(timer, retry);
  };

  /** The next attempt to send now: a retry whose wait is over, else the next delivery if it is due. */
  const take = (): Attempt | undefined => {
    const retry = retriesDue.shift();
    if (retry !== undefined) return retry;
    const delivery = deliveries[next];
    if (delivery === undefined || delivery.dueMs > now()) return undefined;
    next += 1;
    return { delivery, attempt: 0, request: signedRequest(options, delivery.event) };
  };

  const worker = async (): Promise<void> => {
    while (!aborted()) {
      const job = take();
      if (job === undefined) {
        // Nothing to send now: done when nothing is left to fall due, be sent or be retried.
        if (next >= deliveries.length && sending === 0 && retrying.size === 0) break;
        armDueTimer();
        await new Promise<void>((resolve) => idle.push(resolve));
        continue;
      }
      // Another idle worker takes what else is due meanwhile (the backlog is due at once).
      if (retriesDue.length > 0 || (deliveries[next]?.dueMs ?? Infinity) <= now()) wakeOne();
      else armDueTimer();
      sending += 1;
      try {
        await attempt(job);
      } finally {
        sending -= 1;
      }
      if (next >= deliveries.length && sending === 0 && retrying.size === 0 && retriesDue.length === 0) wakeAll();
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.maxInFlight, Math.max(1, deliveries.length)) }, worker));
  options.signal?.removeEventListener('abort', wakeAll);
  if (dueTimer !== undefined) clearTimeout(dueTimer);
  // Stopped (Ctrl-C) while some waited for a retry: those were not accepted within the retries.
  for (const [timer, job] of retrying) {
    clearTimeout(timer);
    retriesDue.push(job);
  }
  retrying.clear();
  for (const job of retriesDue.splice(0)) if (job.lastResult !== undefined) finalFailure(job, job.lastResult, false);

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
