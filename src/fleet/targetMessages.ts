import type { ChildFailure } from '../errors';
import type { CertificationReport } from '../evidence/certificationReport';
import type { TargetJob } from './certifyTarget';

/** What the fleet sends to a target's process. */
export type ToTarget =
  | { readonly kind: 'run'; readonly job: TargetJob; readonly rateLimited: boolean }
  /** The deliveries asked for under these ids may go now. */
  | { readonly kind: 'grant'; readonly ids: readonly number[] };

/** What a target's process sends to the fleet. */
export type FromTarget =
  /** Deliveries asked for at once (one burst): the fleet-wide rate limit decides when they go. */
  | { readonly kind: 'acquire'; readonly ids: readonly number[] }
  /** When a granted delivery actually left, as epoch milliseconds (process clocks differ). */
  | { readonly kind: 'departed'; readonly id: number; readonly leftAtEpochMs?: number }
  /** Listening: the job can be sent (a message sent before would be lost). */
  | { readonly kind: 'ready' }
  | { readonly kind: 'done'; readonly report: CertificationReport }
  /** hookproof could not run the target (`hookproof` true: a typed error a row can show). */
  | ({ readonly kind: 'failed' } & ChildFailure);
