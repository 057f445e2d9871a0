/**
 * A stall of the listener's own process, on the clock of `ReceivedDelivery.atMs` (milliseconds
 * since the listener started).
 */
export interface OwnStall {
  readonly fromMs: number;
  readonly toMs: number;
}

/** Milliseconds of `stalls` overlapping [fromMs, toMs]. */
export function stalledWithin(stalls: readonly OwnStall[], fromMs: number, toMs: number): number {
  let total = 0;
  for (const stall of stalls) total += Math.max(0, Math.min(toMs, stall.toMs) - Math.max(fromMs, stall.fromMs));
  return total;
}

/**
 * One wait of the sender before a retry as the listener measured it, and how long the listener's
 * own process stalled between the two arrivals that bound it.
 */
export interface MeasuredWait {
  readonly ms: number;
  readonly stalledMs: number;
}

/** The growth of an event's waits: shown, not shown (at wait `at`), or left open by an own stall. */
export type GrowthVerdict =
  { readonly kind: 'grows' } | { readonly kind: 'no-backoff'; readonly at: number } | { readonly kind: 'unjudged'; readonly at: number; readonly stalledMs: number };

/**
 * Judges that each wait is at least `minGrowth` times the one before, knowing the listener's own
 * stalls. A stall of s ms between two arrivals moves what was measured by up to s either way: the
 * later arrival is recorded late (the wait looks longer), or the answer before it is recorded late
 * (the wait looks shorter). So a wait measured as w with a stall of s was really between w - s and
 * w + s, and a comparison is judged only when every pair of real waits within those bounds gives
 * the same answer; a wait no stall touched is exact, and judged as it was measured. The first
 * comparison shown too short is `no-backoff`; else the first one a stall left undecided is
 * `unjudged` (a stall can make a correct sender look wrong, so it never fails it); else `grows`.
 */
export function judgeGrowth(waits: readonly MeasuredWait[], minGrowth: number): GrowthVerdict {
  let open: GrowthVerdict | undefined;
  for (let at = 1; at < waits.length; at += 1) {
    const previous = waits[at - 1] as MeasuredWait;
    const current = waits[at] as MeasuredWait;
    const longestCurrent = current.ms + current.stalledMs;
    const shortestPrevious = previous.ms - previous.stalledMs;
    if (longestCurrent < shortestPrevious * minGrowth) return { kind: 'no-backoff', at };
    const shortestCurrent = current.ms - current.stalledMs;
    const longestPrevious = previous.ms + previous.stalledMs;
    if (open === undefined && shortestCurrent < longestPrevious * minGrowth) open = { kind: 'unjudged', at, stalledMs: previous.stalledMs + current.stalledMs };
  }
  return open ?? { kind: 'grows' };
}
