import { randomInt } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { createDeliveryClient } from '../delivery/DeliveryClient';
import { gridx } from '../contract/gridx';
import { createEngine, type Engine } from '../engine';
import { UsageError } from '../errors';
import { maskUrlCredentials } from '../redaction/maskUrlCredentials';
import { validateSecrets, validateTarget } from '../runner/validateTarget';
import type { CapacityProgress } from '../evidence/progressEvent';
import { VERSION } from '../version';
import { capacityVerdict, type CapacityPhaseReport, type CapacityReport, type CapacitySettings } from './capacityReport';
import { createEventFeed } from './eventFeed';
import { findMaxRate } from './findMaxRate';
import { judgeOverload, judgeSustainedRate, type CapacityJudgement } from './judgeCapacity';
import { runLoadPhase, type PhaseProgress } from './loadPhase';
import { toPhaseReport } from './phaseReport';
import { judgeRecovery, runRecoveryBurst, type RecoveryBurstResult } from './recoveryBurst';
import { MAX_DRAWN_SEED } from '../optionRanges';
import { warmSendPath } from './warmUp';
import { preflight } from './preflight';

/** The documented ranges of a capacity run (README, "Capacity"); beyond them the run is refused. */
export const CAPACITY_LIMITS = {
  /** events/s: the hard ceiling of any rate offered, declared or found. */
  maxRate: 20_000,
  maxDurationMs: 3_600_000,
  maxOutageMs: 3_600_000,
  /** Events one recovery burst may hold (backlog + duplicates + live). */
  maxBurstEvents: 1_000_000,
  maxInFlight: 4096,
} as const;

export interface CapacityOptions {
  readonly url: string;
  readonly secrets: readonly string[];
  readonly allowHttp?: boolean;
  /** The rate the partner declares (events/s): CAP-1 is judged at it. */
  readonly rate?: number;
  /** Length of the CAP-1 phase (and of the live traffic in CAP-2). Default 30 s. */
  readonly durationMs?: number;
  /**
   * Ramp to the highest rate held; CAP-3 is judged on the rates above it. `budgetMs`: the ramp's
   * time budget (default none: at most MAX_PROBE_STEPS steps); certify's default is 60 s.
   */
  readonly findMax?: { readonly startRate?: number; readonly maxRate?: number; readonly stepMs?: number; readonly cooldownMs?: number; readonly budgetMs?: number };
  /** CAP-2: the length of the outage whose backlog is delivered at once. */
  readonly outageMs?: number;
  /** gridX's first retry wait (default 1000 ms; tests use a few ms). */
  readonly retryBaseMs?: number;
  readonly maxInFlight?: number;
  readonly types?: readonly string[];
  readonly seed?: number;
  readonly shard?: { readonly index: number; readonly count: number };
  /** Wall-clock start shared by the shards of one run. */
  readonly startAt?: Date;
  readonly headers?: Readonly<Record<string, string>>;
  readonly specPath?: string;
  readonly engine?: Engine;
  readonly signal?: AbortSignal;
  readonly onProgress?: (line: CapacityProgress) => void;
  /**
   * Send one valid event first and load-test only a receiver that accepts it (default true).
   * `certify --rate` turns it off: its conformance checks ran first, and CAP-1..3 are blocked by them.
   */
  readonly preflight?: boolean;
}

export type { CapacityProgress };

/**
 * `hookproof capacity` as a library call: CAP-1 at the declared rate, `findMax` (CAP-3 above the
 * maximum), and `outageMs` (CAP-2), in that order, against one receiver. Traffic goes only to
 * `url`; rates and durations are bounded by {@link CAPACITY_LIMITS}.
 */
export async function runCapacity(options: CapacityOptions): Promise<CapacityReport> {
  const url = validateTarget(options.url, options.allowHttp === true);
  const secrets = validateSecrets(options.secrets);
  const settings = capacitySettings(options);
  const engine = options.engine ?? createEngine(options.specPath !== undefined ? { specPath: options.specPath } : {});
  const feed = createEventFeed(engine, {
    seed: settings.seed,
    ...(options.types !== undefined ? { types: options.types } : {}),
    ...(settings.shard !== undefined ? { shard: settings.shard.index } : {}),
  });
  const client = createDeliveryClient({ timeoutMs: gridx.deadlineMs, connections: settings.maxInFlight, stallResends: 0 });
  const common = {
    url,
    secrets,
    signatureHeader: engine.catalogue.signatureHeader.name,
    client,
    feed,
    maxInFlight: settings.maxInFlight,
    ...(options.headers !== undefined ? { extraHeaders: options.headers } : {}),
    ...(options.signal !== undefined ? { signal: options.signal } : {}),
  };
  const progress = (phase: string, rate: number) => (p: PhaseProgress) => options.onProgress?.({ ...p, phase, rate });

  // Before the clock (and any shared start): the first phase must not measure hookproof's cold start.
  await warmSendPath(common);
  const before = options.preflight === false ? undefined : await preflight(common);
  // A stop (Ctrl-C) during it is not the receiver's answer: the phases below report the stop.
  if (before !== undefined && !before.accepted && options.signal?.aborted !== true) {
    await client.close();
    return report(url, settings, new Date().toISOString(), notExercised(settings, before.answer), [], undefined, undefined);
  }
  if (options.startAt !== undefined)
    await sleep(Math.max(0, options.startAt.getTime() - Date.now()), undefined, options.signal !== undefined ? { signal: options.signal } : {}).catch(() => undefined);
  const startedAt = new Date().toISOString();
  const requirements: CapacityJudgement[] = [];
  const phases: CapacityPhaseReport[] = [];
  let findMax: CapacityReport['findMax'];
  let recovery: RecoveryBurstResult | undefined;
  try {
    if (settings.rate !== undefined) {
      const phase = await runLoadPhase({
        ...common,
        rate: settings.rate,
        durationMs: settings.durationMs,
        ...(settings.shard !== undefined ? { shard: settings.shard } : {}),
        onProgress: progress('CAP-1', settings.rate),
      });
      phases.push(toPhaseReport('declared rate', phase));
      requirements.push(judgeSustainedRate(phase));
    }
    if (settings.findMax !== undefined && options.signal?.aborted !== true) {
      const ramp = settings.findMax;
      let step = 0;
      const found = await findMaxRate({
        startRate: ramp.startRate,
        maxRate: ramp.maxRate,
        stepMs: ramp.stepMs,
        cooldownMs: options.findMax?.cooldownMs ?? 1000,
        ...(ramp.budgetMs !== undefined ? { budgetMs: ramp.budgetMs } : {}),
        ...(options.signal !== undefined ? { signal: options.signal } : {}),
        runStep: async (rate) => {
          step += 1;
          const phase = await runLoadPhase({ ...common, rate, durationMs: ramp.stepMs, onProgress: progress(`find-max step ${step}`, rate) });
          phases.push(toPhaseReport(`find-max step ${step}`, phase));
          return phase;
        },
      });
      findMax = {
        maxHeldRate: found.maxHeldRate,
        ...(found.brokeAt !== undefined ? { brokeAt: found.brokeAt } : {}),
        selfLimited: found.selfLimited,
        ...(found.bounded !== undefined ? { bounded: found.bounded } : {}),
      };
      requirements.push(judgeOverload(found.overloaded, Math.max(0, ...found.steps.map((s) => s.rate))));
    }
    if (settings.outageMs !== undefined && options.signal?.aborted !== true) {
      const rate = settings.rate ?? findMax?.maxHeldRate ?? 0;
      if (rate <= 0) {
        requirements.push({ requirement: 'CAP-2', status: 'skipped', summary: 'not exercised: no rate to build an outage backlog from (declare --rate)', failures: [] });
      } else {
        const shareOf = settings.shard !== undefined ? settings.shard.count : 1;
        recovery = await runRecoveryBurst({
          ...common,
          rate: rate / shareOf,
          outageMs: settings.outageMs,
          liveMs: settings.durationMs,
          retries: gridx.retry.retries,
          retryBaseMs: settings.retryBaseMs,
        });
        requirements.push(judgeRecovery(recovery));
      }
    }
  } finally {
    await client.close();
  }
  return report(url, settings, startedAt, requirements, phases, findMax, recovery);
}

function report(
  url: string,
  settings: CapacitySettings,
  startedAt: string,
  requirements: readonly CapacityJudgement[],
  phases: readonly CapacityPhaseReport[],
  findMax: CapacityReport['findMax'],
  recovery: RecoveryBurstResult | undefined,
): CapacityReport {
  return {
    format: 'hookproof-capacity/v1',
    tool: { name: 'hookproof', version: VERSION },
    target: maskUrlCredentials(url),
    startedAt,
    finishedAt: new Date().toISOString(),
    scope: { level: 'partial', narrowed: ['capacity only: CAP-1..3, no conformance check'] },
    settings,
    verdict: capacityVerdict(requirements),
    requirements,
    phases,
    ...(findMax !== undefined ? { findMax } : {}),
    ...(recovery !== undefined ? { recovery } : {}),
  };
}

/** Every requirement the run asked for, not exercised: the receiver failed something more basic. */
function notExercised(settings: CapacitySettings, answer: string): CapacityJudgement[] {
  const summary = `not exercised: before any load, the receiver did not accept one valid, signed event (${answer}); a load test needs that first, and \`hookproof certify\` shows why (TLS-1, SIG-1, EVT-1)`;
  const asked: Array<CapacityJudgement['requirement']> = [
    ...(settings.rate !== undefined ? (['CAP-1'] as const) : []),
    ...(settings.findMax !== undefined ? (['CAP-3'] as const) : []),
    ...(settings.outageMs !== undefined ? (['CAP-2'] as const) : []),
  ];
  return asked.map((requirement) => ({ requirement, status: 'skipped', summary, failures: [] }));
}

function capacitySettings(options: CapacityOptions): CapacitySettings {
  if (options.rate === undefined && options.findMax === undefined) throw new UsageError('capacity needs a declared rate (--rate N) or --find-max');
  const rate = options.rate === undefined ? undefined : checkRate('rate', options.rate);
  const durationMs = bounded('duration', options.durationMs ?? 30_000, 1, CAPACITY_LIMITS.maxDurationMs);
  const maxInFlight = bounded('max in-flight', options.maxInFlight ?? 256, 1, CAPACITY_LIMITS.maxInFlight);
  const retryBaseMs = bounded('retry base', options.retryBaseMs ?? 1000, 1, 600_000);
  const seed = options.seed ?? randomInt(0, MAX_DRAWN_SEED);
  const shard = options.shard;
  if (shard !== undefined && (!Number.isInteger(shard.count) || shard.count < 1 || !Number.isInteger(shard.index) || shard.index < 0 || shard.index >= shard.count)) {
    throw new UsageError(`--shard must be i/n with 1 <= i <= n, got ${shard.index + 1}/${shard.count}`);
  }
  if (shard !== undefined && options.findMax !== undefined) throw new UsageError('--find-max cannot be sharded: each step depends on the one before; run it from one machine');
  if (shard !== undefined && shard.count > 1 && options.startAt === undefined) throw new UsageError('--shard needs --start-at TIME so every shard starts together');
  const findMax =
    options.findMax === undefined
      ? undefined
      : {
          startRate: checkRate('find-max start rate', options.findMax.startRate ?? rate ?? 10),
          maxRate: checkRate('--max-rate', options.findMax.maxRate ?? CAPACITY_LIMITS.maxRate),
          stepMs: bounded('step', options.findMax.stepMs ?? 10_000, 100, CAPACITY_LIMITS.maxDurationMs),
          ...(options.findMax.budgetMs !== undefined ? { budgetMs: bounded('probe budget', options.findMax.budgetMs, 1000, CAPACITY_LIMITS.maxDurationMs) } : {}),
        };
  const outageMs = options.outageMs === undefined ? undefined : bounded('outage', options.outageMs, 1, CAPACITY_LIMITS.maxOutageMs);
  if (outageMs !== undefined && rate !== undefined && (rate * (outageMs * 1.1 + durationMs)) / 1000 > CAPACITY_LIMITS.maxBurstEvents) {
    throw new UsageError(`the recovery burst would hold more than ${CAPACITY_LIMITS.maxBurstEvents} events: lower --rate, --outage or --duration`);
  }
  return {
    ...(rate !== undefined ? { rate } : {}),
    durationMs,
    ...(findMax !== undefined ? { findMax } : {}),
    ...(outageMs !== undefined ? { outageMs } : {}),
    retryBaseMs,
    maxInFlight,
    types: options.types ?? [],
    seed,
    ...(shard !== undefined ? { shard } : {}),
    ...(options.startAt !== undefined ? { startAt: options.startAt.toISOString() } : {}),
  };
}

function checkRate(what: string, rate: number): number {
  if (!Number.isFinite(rate) || rate <= 0 || rate > CAPACITY_LIMITS.maxRate) throw new UsageError(`${what} must be between 0 and ${CAPACITY_LIMITS.maxRate} events/s, got ${rate}`);
  return rate;
}

function bounded(what: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) throw new UsageError(`${what} must be an integer from ${min} to ${max}, got ${value}`);
  return value;
}
