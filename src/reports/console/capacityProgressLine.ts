import type { CapacityProgress } from '../../evidence/progressEvent';

/** The progress line of a capacity phase, the same for `hookproof capacity` and `certify --rate`. */
export function capacityProgressLine(p: CapacityProgress): string {
  return `capacity: ${p.phase} at ${p.rate}/s  ${Math.round(p.elapsedMs / 1000)}/${Math.round(p.durationMs / 1000)} s  sent ${p.sent}  answered ${p.answered}  ok ${p.succeeded}`;
}
