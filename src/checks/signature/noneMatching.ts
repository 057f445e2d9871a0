import type { Check } from '../check';
import { labelProperties } from './labelProperties';
import { NO_EVENT_TO_SIGN_NOTE, skipWithoutTypes } from '../skipWithoutTypes';
import { gridx } from '../../contract/gridx';

/** SIG-7: 2 to 5 well-formed digests, none made with a receiver secret, must get a 401. */
export const noneMatching: Check = {
  id: 'sig-none-matching',
  title: `With ${gridx.signature.digests.min + 1} to ${gridx.signature.digests.max} digests of which none matches, the request is rejected with 401`,
  requirement: 'SIG-7',
  severity: 'required',
  async run(ctx) {
    return skipWithoutTypes(ctx.types, NO_EVENT_TO_SIGN_NOTE) ?? ctx.outcome(await labelProperties(ctx, ['none-matching']));
  },
};
