import type { Check } from '../check';
import { trustedCertificate } from './trustedCertificate';

export const TRANSPORT_CHECKS: readonly Check[] = [trustedCertificate];
