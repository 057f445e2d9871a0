import type { SenderCheckOutcome, SenderCheckStatus } from '../checks/SenderCheck';
import type { ReceivedDelivery } from '../listen/ReceivedDelivery';
import type { SenderRequirementId } from '../../contract/requirements';
import type { EventHistory } from '../retryJudge';

/** Why a listen run ended. */
export type ListenStop = 'duration' | 'count' | 'signal' | 'stopped';

/** One sender check's result. */
export interface SenderCheckReport extends SenderCheckOutcome {
  readonly id: string;
  readonly title: string;
  readonly requirement: SenderRequirementId | 'EXPECT';
}

/** One SND requirement with the status of the checks that prove it. */
export interface SenderRequirementReport {
  readonly id: SenderRequirementId;
  readonly summary: string;
  readonly status: SenderCheckStatus | 'not-run';
  readonly checks: readonly string[];
}

/**
 * The result of a listen run, as data: what the sender did and the verdict on it. The report
 * files are this adapted to the certify report's shape (see `toCertificationReport`).
 */
export interface ListenReport {
  readonly tool: { readonly name: 'hookproof'; readonly version: string };
  readonly spec: { readonly path: string; readonly sha256: string };
  readonly listen: {
    readonly url: string;
    /** The respond script, normalised (`503x2,204`). */
    readonly respond: string;
    readonly expect: readonly string[] | undefined;
    /** How many secrets the listener held (never their values). */
    readonly secrets: number;
    readonly retryWindowMs: number;
    readonly stoppedBy: ListenStop;
  };
  readonly startedAt: string;
  readonly finishedAt: string;
  /** `fail` when a check failed, or when no delivery arrived at all (nothing was proven). */
  readonly verdict: 'pass' | 'fail';
  readonly summary: {
    readonly deliveries: number;
    readonly events: number;
    /** Requests that were not deliveries (not a POST). */
    readonly ignored: number;
    readonly pass: number;
    readonly fail: number;
    readonly skip: number;
  };
  readonly checks: readonly SenderCheckReport[];
  readonly requirements: readonly SenderRequirementReport[];
  readonly deliveries: readonly ReceivedDelivery[];
  readonly events: readonly EventHistory[];
}
