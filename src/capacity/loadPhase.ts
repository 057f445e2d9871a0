import { monitorEventLoopDelay } from 'node:perf_hooks';
import { gridx } from '../contract/gridx';
import type { DeliveryResult } from '../delivery/DeliveryResult';
import { classOf, emptyClassCounts, type ClassCounts } from './classCounts';
import { signedRequest, type CapacityTarget } from './capacityTarget';
import { createLatencyHistogram, recordLatencyMs, type LatencyHistogram } from './latencyHistogram';

/** What one phase at one rate needs. */
export interface LoadPhaseOptions extends CapacityTarget {
  /** Events per second offered, whatever the receiver's latency (open model). */
  readonly rate: number;
  readonly durationMs: number;
  /** Shards: this shard sends the events k·n + i of the whole run's schedule. */
  readonly shard?: { readonly index: number; readonly count: number };
  /** Called about once a second with the phase so far. */
  readonly onProgress?: (progress: PhaseProgress) => void;
}

export interface PhaseProgress {
  readonly elapsedMs: number;
  readonly durationMs: number;
  readonly sent: number;
  readonly answered: number;
  readonly succeeded: number;
}

/** One receiver answer worth showing: the first failures of a phase. */
export interface CapacitySample {
  readonly sequence: number;
  readonly type: string;
  readonly id: string;
  /** When it was due, from the phase's start. */
  readonly scheduledAtMs: number;
  /** From the scheduled time to the answer: what the event's sender would have waited. */
  readonly latencyMs: number;
  readonly outcome: DeliveryResult['outcome'];
  readonly status?: number;
  readonly retryAfter?: string;
  /** The receiver's answer body, at most 300 characters, as received (escaped where shown). */
  readonly answer: string;
  readonly error?: string;
}

/** One second of a phase: offered by schedule, succeeded by answer time, latency of that second's events. */
export interface PhaseSecond {
  readonly second: number;
  offered: number;
  succeeded: number;
  readonly latency: LatencyHistogram;
}

export interface LoadPhaseResult {
  readonly rate: number;
  readonly durationMs: number;
  /** Events the schedule held (this shard's share). */
  readonly scheduled: number;
  readonly sent: number;
  readonly classes: ClassCounts;
  readonly statuses: Record<string, number>;
  /** Successes that came later than 5 s after their scheduled time. */
  readonly lateSuccesses: number;
  /** Transient answers that carried Retry-After. */
  readonly retryAfterAnswers: number;
  readonly latency: LatencyHistogram;
  readonly timeline: readonly PhaseSecond[];
  readonly failures: readonly CapacitySample[];
  /** hookproof's own longest event-loop stall during the phase. */
  readonly selfStallMaxMs: number;
  /** Events that left hookproof later than 1 s after schedule while fewer than maxInFlight were in flight: hookproof's own delay. */
  readonly selfLateSends: number;
  /**
   * Events hookproof sent late on its own account (not held back by the in-flight bound) by more
   * than its burst tolerance (see burstToleranceMs): sent together after a stall of its own, a
   * burst above the declared rate that a sender keeping the rate never sends.
   */
  readonly ownLateSends?: number;
  /** When the first of those was due (ms from the phase's start). */
  readonly ownLateFromMs?: number;
  /** When the first delivery not accepted within 5 s was due (ms from the phase's start). */
  readonly firstFailureAtMs?: number;
  readonly interrupted: boolean;
}

const KEPT_FAILURES = 5;
const SELF_LATE_MS = 1000;

/**
 * How late hookproof may send an event before the events it then sends together make a burst of
 * its own making: two slots of the schedule, and never less than 50 ms (timer and scheduler jitter
 * on a loaded machine, which any sender has).
 */
export function burstToleranceMs(rate: number): number {
  return Math.max(50, 2000 / rate);
}

/**
 * Offers `rate` events per second for `durationMs`, on a fixed schedule (an open model: a slow
 * receiver gets the same events at the same times, and each latency is measured from when the
 * event was due, so slow answers cannot hide behind fewer requests: no coordinated omission).
 * Resolves when every sent delivery has its answer (each bounded by the client's timeout).
 */
export async function runLoadPhase(options: LoadPhaseOptions): Promise<LoadPhaseResult> {
  const { rate, durationMs, maxInFlight } = options;
  const shardCount = options.shard?.count ?? 1;
  const shardIndex = options.shard?.index ?? 0;
  // Slot k of the whole run is due at k/rate; this shard takes slots shardIndex, shardIndex+n, …
  const totalSlots = Math.floor((rate * durationMs) / 1000);
  const scheduled = totalSlots > shardIndex ? Math.ceil((totalSlots - shardIndex) / shardCount) : 0;
  const dueAt = (k: number): number => ((k * shardCount + shardIndex) * 1000) / rate;

  const classes = emptyClassCounts();
  const statuses: Record<string, number> = {};
  const latency = createLatencyHistogram();
  const timeline: PhaseSecond[] = [];
  const failures: CapacitySample[] = [];
  let lateSuccesses = 0;
  let retryAfterAnswers = 0;
  let selfLateSends = 0;
  let ownLateSends = 0;
  let ownLateFromMs: number | undefined;
  let firstFailureAtMs: number | undefined;
  const tolerance = burstToleranceMs(rate);
  let sent = 0;
  let answered = 0;
  let inFlight = 0;
  // When the in-flight bound was full: an event due while it was, and sent late, waited for the
  // receiver's answers; one due while it was not, and sent late, waited for hookproof (a stall of
  // its own, even if the events it then sent together filled the bound after).
  const bound = inFlightBoundRecord();
  const second = (ms: number): PhaseSecond => {
    const index = Math.max(0, Math.floor(ms / 1000));
    while (timeline.length <= index) timeline.push({ second: timeline.length, offered: 0, succeeded: 0, latency: createLatencyHistogram(2) });
    return timeline[index] as PhaseSecond;
  };

  const stalls = monitorEventLoopDelay({ resolution: 10 });
  stalls.enable();
  const start = performance.now();
  let lastProgress = start;
  let interrupted = false;

  await new Promise<void>((resolve) => {
    // One timer at a time, armed for the next slot due; answers send what is due without touching
    // it (slots only move forward, so an armed timer is never late for the next one).
    let timer: NodeJS.Timeout | undefined;
    const finishIfDone = (): void => {
      if ((sent === scheduled || interrupted) && inFlight === 0) {
        if (timer !== undefined) clearTimeout(timer);
        timer = undefined;
        resolve();
      }
    };
    const onAbort = (): void => {
      interrupted = true;
      finishIfDone();
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });
    if (options.signal?.aborted === true) interrupted = true;

    const dispatch = (k: number): void => {
      const scheduledAt = dueAt(k);
      const event = options.feed.next();
      const leftAt = performance.now() - start;
      // Judged by the bound at the event's due time, not by the count now: an event sent the
      // moment an answer freed a place is always under the bound then, yet may have waited for it.
      const ownDelay = !bound.wasFullAt(scheduledAt);
      if (leftAt - scheduledAt > SELF_LATE_MS && ownDelay) selfLateSends += 1;
      if (leftAt - scheduledAt > tolerance && ownDelay) {
        ownLateSends += 1;
        ownLateFromMs ??= scheduledAt;
      }
      const ofSecond = second(scheduledAt);
      ofSecond.offered += 1;
      inFlight += 1;
      sent += 1;
      if (inFlight === maxInFlight) bound.filled(leftAt);
      void options.client.send(signedRequest(options, event)).then((result) => {
        const answeredAt = performance.now() - start;
        if (inFlight === maxInFlight) bound.freed(answeredAt);
        inFlight -= 1;
        answered += 1;
        const waited = answeredAt - scheduledAt;
        recordLatencyMs(latency, waited);
        recordLatencyMs(ofSecond.latency, waited);
        const cls = classOf(result);
        classes[cls] += 1;
        if (result.status !== undefined) statuses[result.status] = (statuses[result.status] ?? 0) + 1;
        const late = waited > gridx.deadlineMs;
        if (cls === 'success' && !late) second(answeredAt).succeeded += 1;
        if (cls === 'success' && late) lateSuccesses += 1;
        if (cls === 'transient' && result.headers['retry-after'] !== undefined) retryAfterAnswers += 1;
        if (cls !== 'success' || late) firstFailureAtMs = Math.min(firstFailureAtMs ?? scheduledAt, scheduledAt);
        if ((cls !== 'success' || late) && failures.length < KEPT_FAILURES) failures.push(sample(k, event, scheduledAt, waited, result));
        sendDue(answeredAt);
      });
    };

    // Sends every slot due by `now` (phase time) that the in-flight bound allows, reports
    // progress, makes sure a timer waits for the next slot, and settles when all is answered.
    const sendDue = (now: number): void => {
      if (!interrupted) {
        while (sent < scheduled && inFlight < maxInFlight && dueAt(sent) <= now) dispatch(sent);
      }
      if (now - (lastProgress - start) >= 1000) {
        lastProgress = performance.now();
        options.onProgress?.({ elapsedMs: now, durationMs, sent, answered, succeeded: classes.success });
      }
      if (timer === undefined && !interrupted && sent < scheduled && inFlight < maxInFlight) {
        timer = setTimeout(onTimer, Math.max(0, dueAt(sent) - (performance.now() - start)));
      }
      finishIfDone();
    };
    const onTimer = (): void => {
      timer = undefined;
      sendDue(performance.now() - start);
    };
    sendDue(0);
  });
  stalls.disable();

  return {
    rate,
    durationMs,
    scheduled,
    sent,
    classes,
    statuses,
    lateSuccesses,
    retryAfterAnswers,
    latency,
    timeline,
    failures,
    selfStallMaxMs: Math.round(stalls.max / 1e6),
    selfLateSends,
    ownLateSends,
    ...(ownLateFromMs !== undefined ? { ownLateFromMs } : {}),
    ...(firstFailureAtMs !== undefined ? { firstFailureAtMs } : {}),
    interrupted,
  };
}

/**
 * The spans of phase time during which every place under the in-flight bound was taken. Asked in
 * the order events fall due, so spans that ended before the last time asked are dropped.
 */
function inFlightBoundRecord(): { filled(at: number): void; freed(at: number): void; wasFullAt(time: number): boolean } {
  const spans: Array<{ readonly from: number; readonly to: number }> = [];
  let head = 0;
  let fullSince: number | undefined;
  return {
    filled(at) {
      fullSince = at;
    },
    freed(at) {
      if (fullSince !== undefined) spans.push({ from: fullSince, to: at });
      fullSince = undefined;
    },
    wasFullAt(time) {
      while (head < spans.length && (spans[head] as { to: number }).to < time) head += 1;
      if (head > 1024) {
        spans.splice(0, head);
        head = 0;
      }
      const span = spans[head];
      // Asked only when an event leaves, so with a place free: the span open now (if any) has ended.
      return span !== undefined && span.from <= time;
    },
  };
}

function sample(sequence: number, event: { type: string; id: string }, scheduledAtMs: number, latencyMs: number, result: DeliveryResult): CapacitySample {
  const retryAfter = result.headers['retry-after'];
  return {
    sequence,
    type: event.type,
    id: event.id,
    scheduledAtMs: Math.round(scheduledAtMs),
    latencyMs: Math.round(latencyMs),
    outcome: result.outcome,
    ...(result.status !== undefined ? { status: result.status } : {}),
    ...(retryAfter !== undefined ? { retryAfter } : {}),
    answer: result.body.subarray(0, 300).toString('utf8'),
    ...(result.error !== undefined ? { error: result.error.message } : {}),
  };
}
