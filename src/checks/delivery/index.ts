import type { Check } from '../check';

export const DELIVERY_CHECKS: readonly Check[] = [];
