import type { DeliveryResult } from '../../delivery';
import { judgeAcceptance } from '../attribution';
import type { Check } from '../check';
import type { Judgement } from '../checkContext';
import { expectSuccess } from '../expectations';
import { acceptedEventsProperty, eventsOf } from '../properties';
import { skipWithoutTypes } from '../skipWithoutTypes';

/**
 * A 3xx is never followed: the event is answered at the registered URL or it is lost. Only
 * redirects are DLV-3's: any other refusal, or no answer, leaves the case blocked (see attribution.ts).
 */
function judgeNoRedirect(result: DeliveryResult): Judgement {
  const status = result.status ?? 0;
  if (result.outcome === 'permanent' && status >= 300 && status < 400) {
    const location = result.headers.location;
    const to = location === undefined ? '' : ` to ${location}`;
    return {
      ok: false,
      expected: `a success status at the registered URL: gridX does not follow the ${status} redirect${to}, it counts it as a permanent error and the event is lost (register the final URL instead)`,
    };
  }
  return judgeAcceptance('DLV-3', result, expectSuccess(result).expected);
}

export const noRedirects: Check = {
  id: 'dlv-no-redirects',
  title: 'Valid events are answered at the registered URL, never with a redirect',
  requirement: 'DLV-3',
  severity: 'required',
  async run(ctx) {
    const skip = skipWithoutTypes(ctx.types);
    if (skip !== undefined) return skip;
    const property = {
      ...acceptedEventsProperty(ctx, 'no-redirects', eventsOf(ctx.types, { maxBytes: ctx.maxEventBytes })),
      judge: (_event: unknown, result: DeliveryResult) => judgeNoRedirect(result),
    };
    return ctx.outcome([await ctx.forAll(property)]);
  },
};
