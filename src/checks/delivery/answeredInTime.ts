import type { DeliveryResult } from '../../delivery';
import { blockedJudgement, blockerReason } from '../attribution';
import type { Check } from '../check';
import { acceptedEventsProperty, eventsOf } from '../properties';
import { skipWithoutTypes } from '../skipWithoutTypes';

export const answeredInTime: Check = {
  id: 'dlv-answered-in-time',
  title: 'Every delivery is answered within the timeout',
  requirement: 'DLV-1',
  severity: 'required',
  async run(ctx) {
    const skip = skipWithoutTypes(ctx.types);
    if (skip !== undefined) return skip;
    const expected = `a complete HTTP answer within ${ctx.timeoutMs} ms (gridX gives up after 5 s and retries the event)`;
    // Any status counts here: whether it is the right one is for the other checks to say.
    const property = {
      ...acceptedEventsProperty(ctx, 'answered-in-time', eventsOf(ctx.types, { maxBytes: ctx.maxEventBytes })),
      judge: (_event: unknown, result: DeliveryResult) => {
        // No TLS connection is TLS-1's: the receiver never got the request it could answer.
        const tls = result.error?.code === 'TLS_UNTRUSTED' || result.error?.code === 'TLS_ERROR';
        return tls ? blockedJudgement(expected, 'TLS-1', blockerReason(result)) : { ok: result.outcome !== 'timeout' && result.outcome !== 'error', expected };
      },
    };
    return ctx.outcome([await ctx.forAll(property)]);
  },
};
