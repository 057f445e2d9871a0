import type { ReceivedDelivery } from '../listen/ReceivedDelivery';
import type { SenderRequirementId } from '../../contract/requirements';
import type { RetryJudgement } from '../retryJudge';

/** What the listener saw in one run: the material every sender check judges. */
export interface ListenRun {
  readonly deliveries: readonly ReceivedDelivery[];
  readonly retries: RetryJudgement;
  /** Event types the user expects (`--expect`); undefined when any type may come. */
  readonly expect: readonly string[] | undefined;
}

/** `skip`: nothing to judge (no delivery, or no retry provoked); says why in `note`. */
export type SenderCheckStatus = 'pass' | 'fail' | 'skip';

/** One finding, shown by one delivery (by its index). */
export interface SenderFailure {
  readonly label: string;
  readonly expected: string;
  readonly actual: string;
  readonly delivery: number;
}

export interface SenderCheckOutcome {
  readonly status: SenderCheckStatus;
  /** Deliveries (or events, for SND-3) judged. */
  readonly cases: number;
  readonly failures: readonly SenderFailure[];
  readonly note?: string;
}

/**
 * A judgement over a listen run: data plus one pure function. `requirement` is the SND ID it
 * proves, or `EXPECT` for the user's own `--expect` list, which is no contract requirement.
 */
export interface SenderCheck {
  readonly id: string;
  readonly title: string;
  readonly requirement: SenderRequirementId | 'EXPECT';
  judge(run: ListenRun): SenderCheckOutcome;
}

/** Findings listed per check at most; the note counts the rest. */
export const MAX_LISTED_FAILURES = 20;

/** Caps `failures` and builds the outcome: fail with findings, else `pass`. */
export function outcome(cases: number, failures: readonly SenderFailure[], note?: string): SenderCheckOutcome {
  const more = failures.length - MAX_LISTED_FAILURES;
  const notes = [note, more > 0 ? `${more} more finding(s) not listed` : undefined].filter((n): n is string => n !== undefined);
  return {
    status: failures.length > 0 ? 'fail' : 'pass',
    cases,
    failures: failures.slice(0, MAX_LISTED_FAILURES),
    ...(notes.length > 0 ? { note: notes.join('; ') } : {}),
  };
}

/** `ping c291b3d2-… (delivery 3)`: how a finding names its delivery. */
export function deliveryLabel(delivery: ReceivedDelivery): string {
  return `${delivery.type ?? '(no type)'} ${delivery.eventId ?? '(no id)'} (delivery ${delivery.index})`;
}
