import type { CapacityFindMaxRecord, CapacityPhaseRecord, CapacitySecondRecord } from '../evidence/capacitySection';
import type { CapacityJudgement, CapacityStatus } from './judgeCapacity';
import type { RecoveryBurstResult } from './recoveryBurst';

/** One second of a phase, as report.json keeps it (so that shards merge exactly): evidence's record. */
export type CapacitySecond = CapacitySecondRecord;

/** One phase at one rate: the declared rate, or a step of --find-max. */
/** One phase as report.json and capacity.json hold it: evidence's record, the one definition. */
export type CapacityPhaseReport = CapacityPhaseRecord;

export interface CapacitySettings {
  readonly rate?: number;
  readonly durationMs: number;
  readonly findMax?: { readonly startRate: number; readonly maxRate: number; readonly stepMs: number; readonly budgetMs?: number };
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
  readonly findMax?: CapacityFindMaxRecord;
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
