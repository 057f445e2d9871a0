import { plural } from '../text/plural';
import type { CapacitySample, LoadPhaseResult } from './loadPhase';
import { summariseLatency } from './latencyHistogram';

/** A capacity requirement's status: `inconclusive` when hookproof's own delay could explain what was seen. */
export type CapacityStatus = 'pass' | 'fail' | 'inconclusive' | 'skipped';

export interface CapacityJudgement {
  readonly requirement: 'CAP-1' | 'CAP-2' | 'CAP-3';
  readonly status: CapacityStatus;
  /** One line a partner reads first: what held, or where and how it broke. */
  readonly summary: string;
  readonly failures: readonly CapacitySample[];
}

// hookproof's own event loop stalled long enough to make a receiver look late.
const SELF_STALL_MS = 1000;

/** Did hookproof itself stall enough during the phase that lateness may be its own? */
export function selfDelayed(phase: LoadPhaseResult): boolean {
  return phase.selfStallMaxMs > SELF_STALL_MS || phase.selfLateSends > 0;
}

/**
 * Could hookproof's own burst explain every delivery not accepted? Only when it fell behind its
 * schedule (a stall of its own, then the late events sent together) before the first of them was
 * due, and they are no more than the events it sent late: a burst of n events can cost at most n
 * refusals of a receiver that holds the rate. A receiver that refused events hookproof sent on
 * time, or more than the burst, fails.
 */
export function burstOfOwnMaking(phase: LoadPhaseResult): boolean {
  const notAccepted = phase.sent - phase.classes.success + phase.lateSuccesses;
  return phase.ownLateFromMs !== undefined && phase.firstFailureAtMs !== undefined && phase.firstFailureAtMs >= phase.ownLateFromMs && notAccepted <= (phase.ownLateSends ?? 0);
}

function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** Every delivery of the phase accepted (2xx) within 5 s of its scheduled time. */
export function phaseHeld(phase: LoadPhaseResult): boolean {
  return !phase.interrupted && phase.sent === phase.scheduled && phase.classes.success === phase.sent && phase.lateSuccesses === 0;
}

/** What went wrong in a phase, counted: "35 of 180 not accepted in time: 35 transient (503 ×35)". */
export function describeShortfall(phase: LoadPhaseResult): string {
  const notAccepted = phase.sent - phase.classes.success + phase.lateSuccesses;
  const parts: string[] = [];
  for (const cls of ['transient', 'permanent', 'gone', 'timeout', 'error'] as const) {
    if (phase.classes[cls] > 0) parts.push(`${phase.classes[cls]} ${cls}`);
  }
  if (phase.lateSuccesses > 0) parts.push(`${phase.lateSuccesses} accepted after 5 s`);
  const statuses = Object.entries(phase.statuses)
    .filter(([status]) => !status.startsWith('2'))
    .map(([status, count]) => `${status} ×${count}`)
    .join(', ');
  return `${notAccepted} of ${phase.sent} not accepted within 5 s: ${parts.join(', ')}${statuses !== '' ? ` (${statuses})` : ''}`;
}

/** CAP-1: the declared rate, sustained, every delivery answered with a success within 5 s. */
export function judgeSustainedRate(phase: LoadPhaseResult): CapacityJudgement {
  const latency = summariseLatency(phase.latency);
  const rateText = `${formatRate(phase.rate)} events/s for ${phase.durationMs / 1000} s`;
  if (phase.interrupted)
    return { requirement: 'CAP-1', status: 'inconclusive', summary: `interrupted after ${phase.sent} of ${phase.scheduled} events at ${rateText}`, failures: phase.failures };
  if (phaseHeld(phase)) {
    return {
      requirement: 'CAP-1',
      status: 'pass',
      summary: `held ${rateText}: ${phase.sent} of ${phase.scheduled} accepted within 5 s, p50 ${latency.p50Ms} ms, p99 ${latency.p99Ms} ms`,
      failures: [],
    };
  }
  const onlyLateness = phase.classes.transient + phase.classes.permanent + phase.classes.gone === 0;
  if (onlyLateness && selfDelayed(phase)) {
    return {
      requirement: 'CAP-1',
      status: 'inconclusive',
      summary: `at ${rateText}: ${describeShortfall(phase)}; hookproof itself stalled up to ${phase.selfStallMaxMs} ms, so this is not the receiver's fault for certain: rerun on a less loaded machine or at a lower rate`,
      failures: phase.failures,
    };
  }
  if (burstOfOwnMaking(phase)) {
    return {
      requirement: 'CAP-1',
      status: 'inconclusive',
      summary: `at ${rateText}: ${describeShortfall(phase)}; but hookproof itself fell behind its schedule from ${formatSeconds(phase.ownLateFromMs ?? 0)} and sent ${plural(phase.ownLateSends ?? 0, 'event')} late together, a burst above the declared rate that a sender keeping it never sends, and no refusal came before: not the receiver's fault for certain; rerun on a less loaded machine or at a lower rate`,
      failures: phase.failures,
    };
  }
  return {
    requirement: 'CAP-1',
    status: 'fail',
    summary: `did not hold ${rateText}: ${describeShortfall(phase)}; p99 ${latency.p99Ms} ms${firstAnswer(phase.failures)}`,
    failures: phase.failures,
  };
}

/**
 * CAP-3 over the phases above what the receiver held: every refusal a fast transient answer, never
 * a permanent one (the event is lost: gridX does not retry it), never a connection held past 5 s.
 */
export function judgeOverload(overloaded: readonly LoadPhaseResult[], highestTried: number): CapacityJudgement {
  if (overloaded.length === 0) {
    return {
      requirement: 'CAP-3',
      status: 'skipped',
      summary: `not exercised: no rate tried up to ${formatRate(highestTried)}/s overloaded the receiver (raise --max-rate)`,
      failures: [],
    };
  }
  const total = (pick: (p: LoadPhaseResult) => number): number => overloaded.reduce((sum, p) => sum + pick(p), 0);
  const lost = total((p) => p.classes.permanent + p.classes.gone);
  const held = total((p) => p.classes.timeout);
  const transient = total((p) => p.classes.transient);
  const retryAfter = total((p) => p.retryAfterAnswers);
  const rates = overloaded.map((p) => formatRate(p.rate)).join(', ');
  const failures = overloaded.flatMap((p) => p.failures.filter((f) => f.outcome === 'permanent' || f.outcome === 'gone' || f.outcome === 'timeout')).slice(0, 5);
  if (lost > 0) {
    return {
      requirement: 'CAP-3',
      status: 'fail',
      summary: `${plural(lost, 'event')} lost under overload (${rates} events/s): answered with a permanent status, which gridX never retries; answer 429 or 503 instead${firstAnswer(failures)}`,
      failures,
    };
  }
  if (held > 0) {
    if (overloaded.some(selfDelayed)) {
      return {
        requirement: 'CAP-3',
        status: 'inconclusive',
        summary: `${held} deliveries timed out under overload, but hookproof itself stalled: rerun on a less loaded machine`,
        failures,
      };
    }
    return {
      requirement: 'CAP-3',
      status: 'fail',
      summary: `under overload (${rates} events/s) ${plural(held, 'connection')} held past 5 s instead of a fast 429/503${firstAnswer(failures)}`,
      failures,
    };
  }
  return {
    requirement: 'CAP-3',
    status: 'pass',
    summary: `under overload (${rates} events/s) refused ${plural(transient, 'delivery', 'deliveries')} quickly with a transient status${transient > 0 ? `, Retry-After on ${retryAfter} of them` : ''}; nothing lost, no connection held past 5 s`,
    failures: [],
  };
}

export function formatRate(rate: number): string {
  return Number.isInteger(rate) ? String(rate) : rate.toFixed(1);
}

function firstAnswer(failures: readonly CapacitySample[]): string {
  const first = failures[0];
  return first === undefined ? '' : `; first: ${answerText(first)} after ${first.latencyMs} ms`;
}

/** A receiver's answer in a summary: its status and the start of its body, or what went wrong on the way. */
export function answerText(answer: Pick<CapacitySample, 'status' | 'answer' | 'error' | 'outcome'>): string {
  if (answer.status === undefined) return answer.error ?? answer.outcome;
  return `${answer.status}${answer.answer !== '' ? ` ${JSON.stringify(answer.answer.slice(0, 80))}` : ''}`;
}
