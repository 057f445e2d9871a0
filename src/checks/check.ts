import type { CheckStatus, Failure } from '../evidence/failure';
import type { CheckContext } from './checkContext';
import type { RequirementId, Severity } from '../contract/requirements';

/** What a check's run returns: plain data. A failure of a non-required check becomes a warning. */
export interface CheckOutcome {
  readonly status: CheckStatus;
  /** Cases sent. */
  readonly cases: number;
  readonly failures: readonly Failure[];
  /** Why it was skipped, blocked or warned, or a note worth reading. */
  readonly note?: string;
  /** The more basic failing requirement(s) that kept this check's cases from being judged. */
  readonly blockedBy?: readonly RequirementId[];
}

/**
 * A conformance check: data plus one function. Adding a check is adding a file that exports one of
 * these and listing it in its area's array.
 */
export interface Check {
  /** Stable, kebab-case, unique, e.g. "sig-wrong-secret". */
  readonly id: string;
  readonly title: string;
  /** The requirement of receiver-contract.md this check proves. */
  readonly requirement: RequirementId;
  readonly severity: Severity;
  run(ctx: CheckContext): Promise<CheckOutcome>;
}
