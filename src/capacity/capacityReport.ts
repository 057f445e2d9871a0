import type { ClassCounts } from './classCounts';
import type { CapacityJudgement, CapacityStatus } from './judgeCapacity';
import type { LatencySummary } from './latencyHistogram';
import type { CapacitySample } from './loadPhase';
import type { RecoveryBurstResult } from './recoveryBurst';

/** One second of a phase, as report.json keeps it. */
export interface CapacitySecond {
  readonly second: number;
  readonly offered: number;
  readonly succeeded: number;
  readonly p50Ms: number;
  readonly p90Ms: number;
  readonly p99Ms: number;
  /** That second's latencies (HdrHistogram compressed base64), so shards merge exactly. */
  readonly histogram: string;
}

/** One phase at one rate: the declared rate, or a step of --find-max. */
export interface CapacityPhaseReport {
  readonly name: string;
  readonly rate: number;
  readonly durationMs: number;
  readonly scheduled: number;
  readonly sent: number;
  readonly classes: ClassCounts;
  readonly statuses: Readonly<Record<string, number>>;
  readonly lateSuccesses: number;
  readonly retryAfterAnswers: number;
  /** Achieved: successes within 5 s per second of the phase. */
  readonly achievedRate: number;
  readonly latency: LatencySummary;
  readonly histogram: string;
  readonly timeline: readonly CapacitySecond[];
  readonly failures: readonly CapacitySample[];
  readonly selfStallMaxMs: number;
  readonly selfLateSends: number;
  readonly interrupted: boolean;
}

export interface CapacitySettings {
  readonly rate?: number;
  readonly durationMs: number;
  readonly findMax?: { readonly startRate: number; readonly maxRate: number; readonly stepMs: number };
  readonly outageMs?: number;
  readonly retryBaseMs: number;
  readonly maxInFlight: number;
  readonly types: readonly string[];
  readonly seed: number;
  readonly shard?: { readonly index: number; readonly count: number };
  readonly startAt?: string;
}

/** What `hookproof capacity` writes to capacity.json: settings, judgements, and the measurements behind them. */
export interface CapacityReport {
  readonly format: 'hookproof-capacity/v1';
  readonly tool: { readonly name: 'hookproof'; readonly version: string };
  /** The target URL, credentials masked. */
  readonly target: string;
  readonly startedAt: string;
  readonly finishedAt: string;
  /** A capacity run alone judges only CAP-1..3: never a full certification. */
  readonly scope: { readonly level: 'partial'; readonly narrowed: readonly string[] };
  readonly settings: CapacitySettings;
  readonly verdict: Exclude<CapacityStatus, 'skipped'>;
  readonly requirements: readonly CapacityJudgement[];
  readonly phases: readonly CapacityPhaseReport[];
  readonly findMax?: { readonly maxHeldRate: number; readonly brokeAt?: { readonly rate: number; readonly how: string }; readonly selfLimited: boolean };
  readonly recovery?: RecoveryBurstResult;
  /** Shards merged into this report (`capacity merge`). */
  readonly mergedShards?: number;
}

/** fail beats inconclusive beats pass; a run that judged nothing is inconclusive. */
export function capacityVerdict(requirements: readonly CapacityJudgement[]): CapacityReport['verdict'] {
  if (requirements.some((r) => r.status === 'fail')) return 'fail';
  if (requirements.some((r) => r.status === 'inconclusive')) return 'inconclusive';
  return requirements.some((r) => r.status === 'pass') ? 'pass' : 'inconclusive';
}
