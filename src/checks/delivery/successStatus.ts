import type { DeliveryResult } from '../../delivery';
import { judgeAcceptance } from '../attribution';
import type { Check } from '../check';
import type { Judgement } from '../checkContext';
import { expectSuccess } from '../expectations';
import { acceptedEventsProperty, eventsOf } from '../properties';
import { skipWithoutTypes } from '../skipWithoutTypes';

/**
 * A success must be one of gridX's four statuses; another 2xx is singled out, as it looks fine but
 * is not. Only answers of the 2xx kind are DLV-2's: a refusal (400), a redirect or no answer is not
 * a "non-standard success" and leaves the case blocked by what it breaks (see attribution.ts).
 */
function judgeSuccessStatus(result: DeliveryResult): Judgement {
  const status = result.status ?? 0;
  if (result.outcome === 'permanent' && status >= 200 && status < 300) {
    return { ok: false, expected: `200, 201, 202 or 204: gridX counts any other 2xx (here ${status}) as a permanent error and drops the event` };
  }
  return judgeAcceptance('DLV-2', result, expectSuccess(result).expected);
}

export const successStatus: Check = {
  id: 'dlv-success-status',
  title: 'A valid event is answered with exactly 200, 201, 202 or 204',
  requirement: 'DLV-2',
  severity: 'required',
  async run(ctx) {
    const skip = skipWithoutTypes(ctx.types);
    if (skip !== undefined) return skip;
    const property = {
      ...acceptedEventsProperty(ctx, 'success-status', eventsOf(ctx.types, { maxBytes: ctx.maxEventBytes })),
      judge: (_event: unknown, result: DeliveryResult) => judgeSuccessStatus(result),
    };
    return ctx.outcome([await ctx.forAll(property)]);
  },
};
