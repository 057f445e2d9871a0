import type { Check } from '../check';
import { labelProperties } from './labelProperties';
import { NO_EVENT_TO_SIGN_NOTE, skipWithoutTypes } from '../skipWithoutTypes';

/** SIG-3: one well-formed digest made with a secret the receiver does not hold must get a 401. */
export const wrongSecret: Check = {
  id: 'sig-wrong-secret',
  title: 'A digest made with another secret is rejected with 401',
  requirement: 'SIG-3',
  severity: 'required',
  async run(ctx) {
    return skipWithoutTypes(ctx.types, NO_EVENT_TO_SIGN_NOTE) ?? ctx.outcome(await labelProperties(ctx, ['wrong-secret']));
  },
};
