import type { Check } from '../check';
import { validEvents } from './validEvents';

export const EVENT_CHECKS: readonly Check[] = [validEvents];
