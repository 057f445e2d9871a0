/** What a capacity phase under way reports, about once a second. */
export interface CapacityProgressFacts {
  readonly phase: string;
  readonly rate: number;
  readonly elapsedMs: number;
  readonly durationMs: number;
  readonly sent: number;
  readonly answered: number;
  readonly succeeded: number;
}

/** The progress line of a capacity phase, the same for `hookproof capacity` and `certify --rate`. */
export function capacityProgressLine(p: CapacityProgressFacts): string {
  return `capacity: ${p.phase} at ${p.rate}/s  ${Math.round(p.elapsedMs / 1000)}/${Math.round(p.durationMs / 1000)} s  sent ${p.sent}  answered ${p.answered}  ok ${p.succeeded}`;
}
