import type { CheckReport } from './certificationReport';

/** What a certification run tells its `onProgress` listener, in order: start, per check its start, cases and end; gone on a 410. */
export type ProgressEvent =
  | { readonly kind: 'start'; readonly checks: number; readonly seed: number }
  | { readonly kind: 'check-start'; readonly id: string; readonly title: string }
  | { readonly kind: 'case'; readonly id: string; readonly sent: number; readonly failures: number }
  | { readonly kind: 'check-end'; readonly check: CheckReport }
  | { readonly kind: 'gone'; readonly caseLabel: string };
