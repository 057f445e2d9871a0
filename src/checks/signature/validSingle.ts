import type { Check } from '../check';
import { signatureProperty } from '../properties';
import { NO_EVENT_TO_SIGN_NOTE, skipWithoutTypes } from '../skipWithoutTypes';

export const validSingle: Check = {
  id: 'sig-valid-single',
  title: 'A request whose single digest matches a current secret is accepted',
  requirement: 'SIG-1',
  severity: 'required',
  async run(ctx) {
    return skipWithoutTypes(ctx.types, NO_EVENT_TO_SIGN_NOTE) ?? ctx.outcome([await ctx.forAll(signatureProperty(ctx, 'valid-single'))]);
  },
};
