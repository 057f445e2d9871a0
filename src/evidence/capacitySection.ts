import type { Classification } from '../contract/classifyStatus';

// report.json's `capacity` section, for a certification with a declared rate (`certify --rate`).
// The shapes are those of capacity.json's (src/capacity/capacityReport.ts), written here because a
// report's types live in evidence/, below the capacity engine; src/capacity/certifyCapacity.ts
// assigns one to the other, so the compiler holds them together.

/** Answers by gridX class; `error`: no usable answer (refused, reset, garbage). */
export interface CapacityClassCounts {
  readonly success: number;
  readonly transient: number;
  readonly gone: number;
  readonly permanent: number;
  readonly timeout: number;
  readonly error: number;
}

/** Latency percentiles of a phase, in ms, from each event's scheduled send time. */
export interface CapacityLatency {
  readonly count: number;
  readonly p50Ms: number;
  readonly p90Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
}

/** One delivery of a phase that was not accepted in time, with the receiver's own answer. */
export interface CapacitySampleRecord {
  readonly sequence: number;
  readonly type: string;
  readonly id: string;
  readonly scheduledAtMs: number;
  readonly latencyMs: number;
  readonly outcome: Classification | 'error';
  readonly status?: number;
  readonly retryAfter?: string;
  /** The start of the receiver's answer body (redacted and escaped where shown). */
  readonly answer: string;
  readonly error?: string;
}

/** One second of a phase. */
export interface CapacitySecondRecord {
  readonly second: number;
  readonly offered: number;
  readonly succeeded: number;
  readonly p50Ms: number;
  readonly p90Ms: number;
  readonly p99Ms: number;
  /** That second's latencies, HdrHistogram compressed base64. */
  readonly histogram: string;
}

/** One phase at one rate: the declared rate (CAP-1), or a step of the overload probe (CAP-3). */
export interface CapacityPhaseRecord {
  readonly name: string;
  readonly rate: number;
  readonly durationMs: number;
  readonly scheduled: number;
  readonly sent: number;
  readonly classes: CapacityClassCounts;
  readonly statuses: Readonly<Record<string, number>>;
  readonly lateSuccesses: number;
  readonly retryAfterAnswers: number;
  /** Achieved: successes within 5 s per second of the schedule sent (of the planned length, unless interrupted). */
  readonly achievedRate: number;
  readonly latency: CapacityLatency;
  readonly histogram: string;
  readonly timeline: readonly CapacitySecondRecord[];
  readonly failures: readonly CapacitySampleRecord[];
  readonly selfStallMaxMs: number;
  readonly selfLateSends: number;
  readonly interrupted: boolean;
}

/** The overload probe: the highest rate held, and where and how it broke. */
export interface CapacityFindMaxRecord {
  readonly maxHeldRate: number;
  readonly brokeAt?: { readonly rate: number; readonly how: string };
  readonly selfLimited: boolean;
  /**
   * Set when a bound ended the probe before its search was done: its time budget (`budgetMs`; no
   * step was started that would have ended after it) or its step limit. `maxHeldRate` is then a
   * lower bound of what the receiver holds, not the maximum.
   */
  readonly bounded?: { readonly by: 'time budget' | 'step limit'; readonly afterSteps: number; readonly afterMs: number; readonly budgetMs?: number };
}

/** CAP-2's recovery burst: an outage's backlog delivered under gridX's retry policy. */
export interface CapacityRecoveryRecord {
  readonly backlog: number;
  readonly duplicates: number;
  readonly live: number;
  /** Deliveries (events and duplicates) accepted, and after how many attempts. */
  readonly accepted: number;
  readonly acceptedByAttempt: readonly number[];
  /** Refused with a permanent status (or 410): gridX drops these, the events are lost. */
  readonly lostPermanently: number;
  /** Still not accepted after the fifth retry. */
  readonly exhausted: number;
  readonly duplicatesAccepted: number;
  /** Retries whose wait followed the receiver's Retry-After (longer than the backoff). */
  readonly retryAfterHonoured: number;
  readonly failures: readonly CapacitySampleRecord[];
  readonly interrupted: boolean;
}

/** What a certification with a declared rate ran its capacity phases with. */
export interface CapacityRunSettings {
  /** The declared rate, events/s: CAP-1 is judged at it. */
  readonly rate: number;
  readonly durationMs: number;
  /** CAP-2's outage (absent: CAP-2 not exercised). */
  readonly outageMs?: number;
  /**
   * CAP-3's overload probe: a ramp from the declared rate up to `maxRate`, within `budgetMs` (absent:
   * not exercised; reports written before the budget existed have none).
   */
  readonly findMax?: { readonly startRate: number; readonly maxRate: number; readonly stepMs: number; readonly cooldownMs: number; readonly budgetMs?: number };
  readonly retryBaseMs: number;
  readonly maxInFlight: number;
}

/**
 * report.json's `capacity`: set exactly when the run declared a rate. The judgements are the CAP
 * checks in `checks`; this holds the measurements behind them. `phases` is empty when no capacity
 * traffic was sent (the CAP checks say why: blocked, or the receiver answered 410).
 */
export interface CapacitySection {
  readonly settings: CapacityRunSettings;
  readonly phases: readonly CapacityPhaseRecord[];
  readonly findMax?: CapacityFindMaxRecord;
  readonly recovery?: CapacityRecoveryRecord;
  /**
   * Set when a signal (Ctrl-C) stopped the capacity phases: `unfinished` are the requirements whose
   * phase it cut short (that phase is marked `interrupted`) or that never ran. They are not counted
   * as run in the report's scope, which is then partial.
   */
  readonly interrupted?: { readonly unfinished: readonly ('CAP-1' | 'CAP-2' | 'CAP-3')[] };
}
