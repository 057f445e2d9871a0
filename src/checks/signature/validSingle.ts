import type { Check } from '../check';
import { signatureProperty } from '../properties';

export const validSingle: Check = {
  id: 'sig-valid-single',
  title: 'A request whose single digest matches a current secret is accepted',
  requirement: 'SIG-1',
  severity: 'required',
  async run(ctx) {
    return ctx.outcome([await ctx.forAll(signatureProperty(ctx, 'valid-single'))]);
  },
};
