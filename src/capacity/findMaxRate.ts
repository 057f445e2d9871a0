import { setTimeout as sleep } from 'node:timers/promises';
import { describeShortfall, phaseHeld, selfDelayed } from './judgeCapacity';
import type { LoadPhaseResult } from './loadPhase';
import type { CapacityFindMaxRecord } from '../evidence/capacitySection';

export interface FindMaxOptions {
  /** First rate tried (events/s). */
  readonly startRate: number;
  /** Highest rate ever offered: the ramp never goes beyond it. */
  readonly maxRate: number;
  /** Length of each step. */
  readonly stepMs: number;
  /** Pause between steps, so a receiver's backlog drains before the next rate. */
  readonly cooldownMs: number;
  /** Stop the search when the bracket [held, broke] is this tight (broke/held). Default 1.1. */
  readonly precision?: number;
  /**
   * The probe's time budget: no step is started that would end after it (at its nominal length,
   * cooldown included; the first step always runs). Default none: only MAX_STEPS bounds it.
   */
  readonly budgetMs?: number;
  /** Monotonic clock in ms; default `performance.now`. */
  readonly now?: () => number;
  readonly signal?: AbortSignal;
  /** Runs one step at `rate`. */
  readonly runStep: (rate: number) => Promise<LoadPhaseResult>;
}

export interface FindMaxResult {
  /** The highest rate at which every delivery was accepted within 5 s (0: none held). */
  readonly maxHeldRate: number;
  /** The lowest rate tried that broke, and how; absent when nothing up to maxRate broke. */
  readonly brokeAt?: { readonly rate: number; readonly how: string };
  readonly steps: readonly LoadPhaseResult[];
  /** Steps that broke: CAP-3 is judged on them. */
  readonly overloaded: readonly LoadPhaseResult[];
  /** A step broke only by lateness while hookproof itself stalled: the bracket is not trusted. */
  readonly selfLimited: boolean;
  /**
   * Set when the search stopped before it was done: the time budget or the step limit ended it.
   * `maxHeldRate` is then a lower bound of what the receiver holds.
   */
  readonly bounded?: ProbeBound;
}

/** What cut the overload probe short. */
export type ProbeBound = NonNullable<CapacityFindMaxRecord['bounded']>;

/** The most steps a probe runs whatever its budget: doubling from 1/s to 20 000/s, then bisecting. */
export const MAX_PROBE_STEPS = 14;

/**
 * The highest rate the receiver holds under CAP-1: doubling from `startRate` until a step breaks,
 * then bisecting between the last held and the first broken rate, within `budgetMs` and
 * MAX_PROBE_STEPS (`bounded` says when one of them ended the search).
 */
export async function findMaxRate(options: FindMaxOptions): Promise<FindMaxResult> {
  const precision = options.precision ?? 1.1;
  const now = options.now ?? ((): number => performance.now());
  const began = now();
  const steps: LoadPhaseResult[] = [];
  let held = 0;
  let broke: LoadPhaseResult | undefined;
  let selfLimited = false;
  let bounded: ProbeBound | undefined;
  // Whether another step may start; when a bound forbids it, the search is cut short.
  const mayStep = (): boolean => {
    if (options.signal?.aborted === true) return false;
    if (steps.length >= MAX_PROBE_STEPS) bounded = { by: 'step limit', afterSteps: steps.length, afterMs: Math.round(now() - began) };
    else if (options.budgetMs !== undefined && steps.length > 0 && now() - began + options.cooldownMs + options.stepMs > options.budgetMs) {
      bounded = { by: 'time budget', afterSteps: steps.length, afterMs: Math.round(now() - began), budgetMs: options.budgetMs };
    }
    return bounded === undefined;
  };
  const step = async (rate: number): Promise<LoadPhaseResult> => {
    if (steps.length > 0) await sleep(options.cooldownMs);
    const result = await options.runStep(rate);
    steps.push(result);
    return result;
  };

  let rate = Math.min(options.startRate, options.maxRate);
  while (mayStep()) {
    const result = await step(rate);
    if (phaseHeld(result)) {
      held = rate;
      if (rate >= options.maxRate) break;
      rate = Math.min(options.maxRate, rate * 2);
    } else {
      broke = result;
      selfLimited ||= selfDelayed(result);
      break;
    }
  }
  while (broke !== undefined) {
    const low = held === 0 ? 0 : held;
    if (low > 0 && broke.rate / low <= precision) break;
    if (low === 0 && broke.rate <= 1) break;
    const mid = low === 0 ? Math.max(1, Math.floor(broke.rate / 2)) : Math.round(((low + broke.rate) / 2) * 10) / 10;
    if (mid === low || mid === broke.rate) break;
    if (!mayStep()) break;
    const result = await step(mid);
    if (phaseHeld(result)) held = mid;
    else {
      broke = result;
      selfLimited ||= selfDelayed(result);
    }
  }
  const overloaded = steps.filter((s) => !phaseHeld(s) && s.rate > held);
  return {
    maxHeldRate: held,
    ...(broke !== undefined ? { brokeAt: { rate: broke.rate, how: describeShortfall(broke) } } : {}),
    steps,
    overloaded,
    selfLimited,
    ...(bounded !== undefined ? { bounded } : {}),
  };
}
