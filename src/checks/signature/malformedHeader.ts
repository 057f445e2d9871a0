import { SIGNATURE_LABELS, labelRequirement } from '../../contract/signatureLabels';
import type { Check } from '../check';
import { labelProperties } from './labelProperties';
import { NO_EVENT_TO_SIGN_NOTE, skipWithoutTypes } from '../skipWithoutTypes';

/**
 * Every kind of malformed header the signing module files under SIG-5: empty-value, no-prefix,
 * sha256-prefix, sha1-prefix, non-hex, too-short, too-long, truncated-64, garbage-around. All but
 * empty-value carry a digest (or another algorithm's HMAC) made with a receiver secret, so only a
 * receiver that checks the grammar rejects them.
 */
export const MALFORMED_LABELS = SIGNATURE_LABELS.filter((label) => labelRequirement(label) === 'SIG-5');

/** SIG-5: one property per kind of malformed header, so each kind that gets through is reported on its own. */
export const malformedHeader: Check = {
  id: 'sig-malformed-header',
  title: 'A malformed X-Signature header is rejected with 401',
  requirement: 'SIG-5',
  severity: 'required',
  async run(ctx) {
    return skipWithoutTypes(ctx.types, NO_EVENT_TO_SIGN_NOTE) ?? ctx.outcome(await labelProperties(ctx, MALFORMED_LABELS));
  },
};
