import { serialiseEvent, unusualJsonArbitrary } from '../../serialise';
import type { Check } from '../check';
import { expectSuccess } from '../expectations';
import { eventsOf } from '../properties';
import { NO_EVENT_TO_SIGN_NOTE, skipWithoutTypes } from '../skipWithoutTypes';

/**
 * SIG-8: a valid event written as unusual but valid JSON (a leading newline, whitespace between
 * tokens, another key order, \u escapes), signed over exactly those bytes, must be accepted. A
 * receiver that parses and re-serialises the body before verifying computes another digest.
 * A refused case counts only if its control, the same event as canonical JSON, is accepted.
 */
export const rawBody: Check = {
  id: 'sig-raw-body',
  title: 'The digest is computed over the raw body bytes (unusually formatted JSON is accepted)',
  requirement: 'SIG-8',
  severity: 'required',
  async run(ctx) {
    const skip = skipWithoutTypes(ctx.types, NO_EVENT_TO_SIGN_NOTE);
    if (skip !== undefined) return skip;
    const discriminator = ctx.engine.catalogue.discriminator;
    const part = await ctx.forAll({
      name: 'raw-body',
      arbitrary: eventsOf(ctx.types, { maxBytes: ctx.maxEventBytes }).chain((event) => unusualJsonArbitrary(event).map((text) => ({ event, text }))),
      toCase: ({ event, text }) => {
        const body = Buffer.from(text, 'utf8');
        return {
          label: `raw-body: the event as ${body.length} bytes of unusually formatted JSON (${serialiseEvent(event).length} in canonical form), signed over the bytes sent`,
          eventType: String(event[discriminator]),
          variant: 'signature:raw-body',
          body,
          signature: ctx.sign(body),
        };
      },
      judge: (_value, result) => expectSuccess(result),
      // Counts against SIG-8 only if the same event as canonical JSON, correctly signed, is accepted.
      control: ({ event }) => {
        const body = serialiseEvent(event);
        return { label: 'the same event as canonical JSON, correctly signed', eventType: String(event[discriminator]), variant: 'valid', body, signature: ctx.sign(body) };
      },
    });
    return ctx.outcome([part]);
  },
};
