import type { Check, CheckOutcome } from '../../checks/check';
import type { Failure } from '../../evidence/failure';
import type { ReceivedDelivery } from '../listen/ReceivedDelivery';
import type { SenderRequirementId } from '../../contract/requirements';
import type { RetryJudgement } from '../retryJudge';

/** A delivery the sender got wrong, as a sender check judged it: what it is, what was expected, what arrived. */
export interface BadDelivery {
  readonly label: string;
  readonly expected: string;
  readonly actual: string;
  /** The delivery's index (1-based order of arrival). */
  readonly delivery: number;
}

/** What the listener saw in one run: the material every sender check judges. */
export interface ListenRun {
  readonly deliveries: readonly ReceivedDelivery[];
  readonly retries: RetryJudgement;
  /** Event types the user expects (`--expect`); undefined when any type may come. */
  readonly expect: readonly string[] | undefined;
  /**
   * The report's failures for `bad`, numbered `<check id>#<n>` in the order given: each with the
   * delivery's bytes as a report keeps them, and a curl snippet and replay command that resend them.
   */
  failures(bad: readonly BadDelivery[]): Failure[];
}

/**
 * A judgement over a listen run: a check like certify's (`Check`: id, title, requirement,
 * severity, run), run over what the listener received rather than over a receiver, and pure, so
 * the same deliveries always give the same outcome. `requirement` is the SND ID it proves, or
 * `EXPECT` for the user's own `--expect` list, which is no contract requirement.
 */
export interface SenderCheck extends Pick<Check, 'id' | 'title' | 'severity'> {
  readonly requirement: SenderRequirementId | 'EXPECT';
  run(run: ListenRun): CheckOutcome;
}

/** Findings listed per check at most; the note counts the rest. */
export const MAX_LISTED_FAILURES = 20;

/** Caps the failures and builds the outcome: fail with failures, else `pass`. */
export function outcome(run: ListenRun, cases: number, wrong: readonly BadDelivery[], note?: string): CheckOutcome {
  const more = wrong.length - MAX_LISTED_FAILURES;
  const notes = [note, more > 0 ? `${more} more finding(s) not listed` : undefined].filter((n): n is string => n !== undefined);
  return {
    status: wrong.length > 0 ? 'fail' : 'pass',
    cases,
    failures: run.failures(wrong.slice(0, MAX_LISTED_FAILURES)),
    ...(notes.length > 0 ? { note: notes.join('; ') } : {}),
  };
}

/** `ping c291b3d2-… (delivery 3)`: how a finding names its delivery. */
export function deliveryLabel(delivery: ReceivedDelivery): string {
  return `${delivery.type ?? '(no type)'} ${delivery.eventId ?? '(no id)'} (delivery ${delivery.index})`;
}
