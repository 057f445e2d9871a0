import type { DeliveryResult } from '../../delivery';
import { gridx } from '../../contract/gridx';
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
    // Always gridX's 5 s: a longer --timeout-ms only lets the run see how late a slow answer is.
    const deadline = Math.min(ctx.timeoutMs, gridx.deadlineMs);
    const expected =
      ctx.timeoutMs < gridx.deadlineMs
        ? `a complete HTTP answer within ${deadline} ms (this run's --timeout-ms; gridX gives up after ${gridx.deadlineMs} ms and retries the event)`
        : `a complete HTTP answer within ${gridx.deadlineMs} ms (gridX gives up then and retries the event)`;
    // Any status counts here: whether it is the right one is for the other checks to say.
    const property = {
      ...acceptedEventsProperty(ctx, 'answered-in-time', eventsOf(ctx.types, { maxBytes: ctx.maxEventBytes })),
      judge: (_event: unknown, result: DeliveryResult) => {
        // No TLS connection is TLS-1's: the receiver never got the request it could answer.
        const tls = result.error?.code === 'TLS_UNTRUSTED' || result.error?.code === 'TLS_ERROR';
        if (tls) return blockedJudgement(expected, 'TLS-1', blockerReason(result));
        const answered = result.outcome !== 'timeout' && result.outcome !== 'error';
        return { ok: answered && result.durationMs <= deadline, expected };
      },
    };
    return ctx.outcome([await ctx.forAll(property)]);
  },
};
