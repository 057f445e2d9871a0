import type { Check } from '../check';
import { labelProperties } from './labelProperties';
import { NO_EVENT_TO_SIGN_NOTE, skipWithoutTypes } from '../skipWithoutTypes';

/**
 * SIG-12: a digest of the right length and form that differs from a receiver's valid one in one hex
 * digit (the first, a middle one, the last), alone or among other non-matching digests, must get a
 * 401. A receiver comparing only a prefix, or stopping at a fixed length, accepts some of them.
 */
export const nearMiss: Check = {
  id: 'sig-near-miss',
  title: 'A digest differing from the valid one in a single hex digit is rejected with 401',
  requirement: 'SIG-12',
  severity: 'required',
  async run(ctx) {
    return skipWithoutTypes(ctx.types, NO_EVENT_TO_SIGN_NOTE) ?? ctx.outcome(await labelProperties(ctx, ['near-miss', 'near-miss-rotation']));
  },
};
