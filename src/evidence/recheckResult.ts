import type { CheckStatus } from './failure';
import type { ReportedCheckRequirement } from './certificationReport';

/** The first case whose outcome differs between the two runs, from the run that failed it. */
export interface DifferingCase {
  /** Which run failed this case: the rechecked report's, or the recheck's own. */
  readonly failedIn: 'original' | 'recheck';
  readonly case: string;
  readonly label: string;
  readonly expected: string;
  readonly actual: string;
}

/** One check of the rechecked report, compared with the same check run again. */
export interface CheckComparison {
  readonly id: string;
  readonly requirement: ReportedCheckRequirement;
  /** `confirmed`: the same status again; `differs`: another status (or the check is missing). */
  readonly result: 'confirmed' | 'differs';
  readonly original: CheckStatus | 'absent';
  readonly now: CheckStatus | 'absent';
  readonly firstDifferingCase?: DifferingCase;
}

/** What `hookproof recheck` found, stored in its own report.json under `recheck`. */
export interface RecheckResult {
  /** The report rechecked: its digest (which names it), where it was read, its verdict. */
  readonly of: { readonly digest: string; readonly path: string; readonly verdict: 'pass' | 'fail' | 'incomplete'; readonly startedAt: string };
  /**
   * `full`: gridX's certification (every check, gridX's settings); `same`: the report's own scope
   * and settings reproduced (`--same-scope`). Absent in recheck reports written before it was recorded.
   */
  readonly scope?: 'full' | 'same';
  /** `confirmed` when every check has the same status again; `not confirmed` otherwise. */
  readonly verdict: 'confirmed' | 'not confirmed';
  readonly checks: readonly CheckComparison[];
}
