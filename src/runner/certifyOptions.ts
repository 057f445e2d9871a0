import { DEFAULT_MAX_EVENT_BYTES } from '../arbitraries/bodyBudget';
import type { BeforeSend } from '../delivery';
import type { Check } from '../checks/check';
import type { Engine } from '../engine';
import type { AnswerLedger } from '../findings';
import type { ProgressEvent } from '../evidence/progressEvent';
import type { CheckReport } from '../evidence/certificationReport';
import type { CapacityStage } from './capacityStage';
import { gridx } from '../contract/gridx';

/** Everything a certification run needs. Only `url` and `secrets` are required. */
export interface CertifyOptions {
  /** The receiver's URL, exactly as gridX would call it. */
  readonly url: string;
  /** The receiver's current secrets: one, or up to `gridx.signature.digests.max` during a rotation. */
  readonly secrets: readonly string[];
  readonly specPath?: string;
  /** An engine already built (from `specPath`); saves rebuilding it for every run. */
  readonly engine?: Engine;
  /** Event types the receiver subscribes to (default: every type of the spec). */
  readonly types?: readonly string[];
  /** Check ids or requirement IDs to run (default: all). */
  readonly checks?: readonly string[];
  /** Same seed, same receiver → same cases (default: random, printed). */
  readonly seed?: number;
  /** Cases per property (default 100). */
  readonly runs?: number;
  /** Per-delivery timeout in ms (default gridX's deadline, `gridx.deadlineMs`). */
  readonly timeoutMs?: number;
  /** The largest body generated, in bytes (default 65536: see DEFAULT_MAX_EVENT_BYTES). */
  readonly maxEventBytes?: number;
  /** Checks run at once, and deliveries in flight in the concurrency check (default 4). */
  readonly concurrency?: number;
  /** Allow an http:// target (local or staging runs); TLS-1 is then a warning. */
  readonly allowHttp?: boolean;
  /** Headers added to every delivery (`-H 'Name: value'`), e.g. a staging gateway's key. */
  readonly headers?: Readonly<Record<string, string>>;
  /** gridX's first retry delay, scaled down for tests (default `gridx.retry.baseDelayMs`). */
  readonly retryBaseDelayMs?: number;
  /** Where report.json will be written, for the replay commands printed with failures. */
  readonly reportPath?: string;
  /** Checks of your own to run instead of hookproof's (default: all of hookproof's checks). */
  readonly customChecks?: readonly Check[];
  readonly onProgress?: (event: ProgressEvent) => void;
  /** The command line as run, secret-free, recorded in the report's provenance. */
  readonly invocation?: readonly string[];
  /**
   * A declared rate (`certify --rate`): CAP-1..3 join the run, judged by capacity phases that run
   * after every conformance check, alone. Without it the run is exactly what it always was.
   */
  readonly capacity?: CertifyCapacityOptions;
  /** Stops the capacity phases at once (Ctrl-C); what was measured is still reported. */
  readonly signal?: AbortSignal;
}

/**
 * The capacity phases of a certification with a declared rate (defaults: {@link CAPACITY_DEFAULTS}).
 * The same engine as `hookproof capacity`; only the defaults differ, to keep a certification short.
 */
export interface CertifyCapacityOptions {
  /** The rate the partner declares, events/s (at most 20 000): CAP-1 is judged at it. */
  readonly rate: number;
  /** Length of the CAP-1 phase, and of the live traffic during CAP-2's burst (default 30 s). */
  readonly durationMs?: number;
  /** CAP-2: the outage whose backlog (rate × outage) arrives at once (default 10 s); `false`: CAP-2 not exercised. */
  readonly outageMs?: number | false;
  /**
   * CAP-3: the overload probe, capacity's find-max ramp from the declared rate (doubling, then
   * bisecting) up to `maxRate` (default 4 × the declared rate, at most 20 000/s), steps of `stepMs`
   * (default 5 s) with `cooldownMs` between them (default 1 s), within `budgetMs` (default 60 s:
   * no step is started that would end after it); `false`: CAP-3 not exercised.
   */
  readonly findMax?: { readonly maxRate?: number; readonly stepMs?: number; readonly cooldownMs?: number; readonly budgetMs?: number } | false;
  /** gridX's first retry wait in CAP-2 (default 1000 ms, gridX's; tests use a few ms). */
  readonly retryBaseMs?: number;
  /** Deliveries in flight at most (default 256). */
  readonly maxInFlight?: number;
}

/** The defaults of {@link CertifyCapacityOptions} (README, "Capacity"). */
export const CAPACITY_DEFAULTS = {
  durationMs: 30_000,
  outageMs: 10_000,
  /** The overload probe's ceiling, as a multiple of the declared rate. */
  overloadCeiling: 4,
  stepMs: 5_000,
  cooldownMs: 1_000,
  /**
   * The overload probe's time budget: bisecting after a failed CAP-1 could otherwise take 14 steps
   * (about 84 s at the step and cooldown above); a bounded probe reports its maximum as a lower bound.
   */
  probeBudgetMs: 60_000,
} as const;

/**
 * What runs made together share, which is no option of one run: the second argument of
 * `runCertification`, for hookproof's own callers that run several certifications at once.
 */
export interface SharedByRuns {
  /** Awaited before every delivery: a rate limit shared by several runs (fleet, recheck in a fleet). */
  readonly beforeDelivery?: BeforeSend;
  /**
   * Where the run tallies the receiver's answers (default: a new one). Runs that share one, like
   * the jest adapter's one-check runs, get findings and hints over all their answers together.
   */
  readonly answers?: AnswerLedger;
  /**
   * The engine of the capacity phases (src/capacity), which sits above the runner: given by the
   * entry points (the library's `runCertification`, the CLI, the jest adapter). A run with
   * `capacity` and no stage is hookproof's own bug.
   */
  readonly capacityStage?: CapacityStage;
  /**
   * Checks judged by earlier runs of the same certification (the jest adapter's one-check runs):
   * a failure among them blocks the capacity phases as one in this run would.
   */
  readonly priorChecks?: readonly CheckReport[];
}

export const DEFAULTS = { runs: 100, timeoutMs: gridx.deadlineMs, concurrency: 4, retryBaseDelayMs: gridx.retry.baseDelayMs, maxEventBytes: DEFAULT_MAX_EVENT_BYTES } as const;
