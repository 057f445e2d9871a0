import type { Check } from '../check';
import { labelProperties } from './labelProperties';
import { NO_EVENT_TO_SIGN_NOTE, skipWithoutTypes } from '../skipWithoutTypes';

/**
 * SIG-9 (recommended): the forms the spec's pattern allows beside gridX's canonical one, upper-case
 * hex and digests joined by "," with no space, are accepted. One property per form, so a receiver
 * strict about one of them gets a warning naming it.
 */
export const alternativeForms: Check = {
  id: 'sig-alternative-forms',
  title: 'Digests in upper-case hex, and digests joined by "," with no space, are accepted',
  requirement: 'SIG-9',
  severity: 'recommended',
  async run(ctx) {
    return skipWithoutTypes(ctx.types, NO_EVENT_TO_SIGN_NOTE) ?? ctx.outcome(await labelProperties(ctx, ['uppercase-hex', 'no-space-separator']));
  },
};
