import type { Check } from '../check';

export const TRANSPORT_CHECKS: readonly Check[] = [];
