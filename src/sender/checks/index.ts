import { expectedTypes } from './expectedTypes';
import { retries } from './retries';
import { schemaValid } from './schemaValid';
import type { SenderCheck } from './SenderCheck';
import { signed } from './signed';

export { MAX_LISTED_FAILURES, type ListenRun, type SenderCheck, type BadDelivery } from './SenderCheck';

/** Every judgement of a listen run, in report order: SND-1, SND-2, SND-3, then `--expect`. */
export const SENDER_CHECKS: readonly SenderCheck[] = [schemaValid, signed, retries, expectedTypes];
