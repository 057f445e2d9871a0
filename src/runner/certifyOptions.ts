import { DEFAULT_MAX_EVENT_BYTES } from '../arbitraries/bodyBudget';
import type { BeforeSend } from '../delivery';
import type { Check } from '../checks/check';
import type { Engine } from '../engine';
import type { AnswerLedger } from '../findings';
import type { ProgressEvent } from '../evidence/progressEvent';
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
}

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
}

export const DEFAULTS = { runs: 100, timeoutMs: gridx.deadlineMs, concurrency: 4, retryBaseDelayMs: gridx.retry.baseDelayMs, maxEventBytes: DEFAULT_MAX_EVENT_BYTES } as const;
