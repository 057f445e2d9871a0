import type { Check } from '../check';
import { labelProperties } from './labelProperties';
import { NO_EVENT_TO_SIGN_NOTE, skipWithoutTypes } from '../skipWithoutTypes';
import { gridx } from '../../contract/gridx';

/**
 * SIG-6: 2 to 5 digests, exactly one made with a receiver secret, at any position, must be
 * accepted. Fails shrink toward two digests with the matching one second: "honours only the first".
 */
export const rotation: Check = {
  id: 'sig-rotation',
  title: `With ${gridx.signature.digests.min + 1} to ${gridx.signature.digests.max} digests of which exactly one matches, at any position, the request is accepted`,
  requirement: 'SIG-6',
  severity: 'required',
  async run(ctx) {
    return skipWithoutTypes(ctx.types, NO_EVENT_TO_SIGN_NOTE) ?? ctx.outcome(await labelProperties(ctx, ['rotation']));
  },
};
