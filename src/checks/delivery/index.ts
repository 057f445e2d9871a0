import type { Check } from '../check';
import { answeredInTime } from './answeredInTime';
import { concurrentDeliveries } from './concurrentDeliveries';
import { duplicateAccepted } from './duplicateAccepted';
import { noRedirects } from './noRedirects';
import { outOfOrder } from './outOfOrder';
import { successStatus } from './successStatus';
import { transientRetried } from './transientRetried';

export const DELIVERY_CHECKS: readonly Check[] = [answeredInTime, successStatus, noRedirects, duplicateAccepted, outOfOrder, concurrentDeliveries, transientRetried];
