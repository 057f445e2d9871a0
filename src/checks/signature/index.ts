import type { Check } from '../check';
import { validSingle } from './validSingle';

export const SIGNATURE_CHECKS: readonly Check[] = [validSingle];
