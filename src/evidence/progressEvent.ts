import type { CheckReport } from './certificationReport';

/** What a certification run tells its `onProgress` listener, in order: start, per check its start, cases and end; gone on a 410. */
export type ProgressEvent =
  | { readonly kind: 'start'; readonly checks: number; readonly seed: number }
  | { readonly kind: 'check-start'; readonly id: string; readonly title: string }
  | { readonly kind: 'case'; readonly id: string; readonly sent: number; readonly failures: number }
  | { readonly kind: 'check-end'; readonly check: CheckReport }
  | { readonly kind: 'gone'; readonly caseLabel: string }
  /** A capacity phase (certify --rate) under way, about once a second. */
  | ({ readonly kind: 'capacity' } & CapacityProgress);

/** A capacity phase under way: `phase` is `CAP-1`, `find-max step n`…; the same for `hookproof capacity` and `certify --rate`. */
export interface CapacityProgress {
  readonly phase: string;
  readonly rate: number;
  readonly elapsedMs: number;
  readonly durationMs: number;
  readonly sent: number;
  readonly answered: number;
  readonly succeeded: number;
}
