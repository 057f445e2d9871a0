import type { Check } from '../check';
import { labelProperties } from './labelProperties';
import { NO_EVENT_TO_SIGN_NOTE, skipWithoutTypes } from '../skipWithoutTypes';

/** SIG-2: a valid event sent without any X-Signature header must get a 401. */
export const missingHeader: Check = {
  id: 'sig-missing-header',
  title: 'A request with no X-Signature header is rejected with 401',
  requirement: 'SIG-2',
  severity: 'required',
  async run(ctx) {
    return skipWithoutTypes(ctx.types, NO_EVENT_TO_SIGN_NOTE) ?? ctx.outcome(await labelProperties(ctx, ['missing-header']));
  },
};
