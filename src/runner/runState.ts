/**
 * What the run has learnt about the receiver so far, shared by all checks: whether it answered
 * 410 (gone: stop at once) and how many deliveries in a row timed out (hung: stop waiting).
 */
export class RunState {
  gone: { readonly caseLabel: string } | undefined;
  consecutiveTimeouts = 0;

  /** Timeouts a check may meet before it stops sending: fewer once the receiver looks hung. */
  timeoutBudget(): number {
    return this.consecutiveTimeouts >= 3 ? 1 : 2;
  }
}
