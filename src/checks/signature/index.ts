import type { Check } from '../check';
import { alternativeForms } from './alternativeForms';
import { bodyChanged } from './bodyChanged';
import { emptyUnauthorizedBody } from './emptyUnauthorizedBody';
import { malformedHeader } from './malformedHeader';
import { missingHeader } from './missingHeader';
import { nearMiss } from './nearMiss';
import { noneMatching } from './noneMatching';
import { rawBody } from './rawBody';
import { rotation } from './rotation';
import { validSingle } from './validSingle';
import { wrongSecret } from './wrongSecret';

/**
 * The signature checks, SIG-1 to SIG-10 and SIG-12, in requirement order. SIG-11 (constant-time comparison)
 * has no check: no remote measurement can prove it, so the requirements table reports it as not
 * remotely testable.
 */
export const SIGNATURE_CHECKS: readonly Check[] = [
  validSingle,
  missingHeader,
  wrongSecret,
  bodyChanged,
  malformedHeader,
  rotation,
  noneMatching,
  rawBody,
  alternativeForms,
  emptyUnauthorizedBody,
  nearMiss,
];
