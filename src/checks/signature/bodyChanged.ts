import fc from 'fast-check';
import { describeResult } from '../../delivery';
import { serialiseEvent } from '../../serialise';
import type { Check } from '../check';
import type { OutgoingCase } from '../checkContext';
import { expectUnauthorized } from '../expectations';
import { eventsOf, forgedControl, signatureProperty } from '../properties';
import { changeOneField } from './changeOneField';
import { runsEach } from '../runsEach';
import { NO_EVENT_TO_SIGN_NOTE, skipWithoutTypes } from '../skipWithoutTypes';

/**
 * SIG-4, two properties. `body-changed`: fresh events signed, then one byte changed. `field-changed`:
 * one event delivered correctly signed, then copies with one field value changed (same `id`) sent
 * under its signature, as a replay with tampered content; a receiver that looks the `id` up
 * (deduplication) before verifying answers those as duplicates.
 */
export const bodyChanged: Check = {
  id: 'sig-body-changed',
  title: 'A body changed after signing (one byte, or a field value) is rejected with 401',
  requirement: 'SIG-4',
  severity: 'required',
  async run(ctx) {
    const skip = skipWithoutTypes(ctx.types, NO_EVENT_TO_SIGN_NOTE);
    if (skip !== undefined) return skip;
    const runs = runsEach(ctx, 2);
    const oneByte = await ctx.forAll(signatureProperty(ctx, 'body-changed', runs));

    const [original] = fc.sample(eventsOf(ctx.types, { maxBytes: ctx.maxEventBytes }), { seed: ctx.seed, numRuns: 1 });
    if (original === undefined) return ctx.outcome([oneByte]);
    const eventType = String(original[ctx.engine.catalogue.discriminator]);
    const body = serialiseEvent(original);
    const signature = ctx.sign(body);
    const originalCase: OutgoingCase = { label: 'field-changed: the original event, correctly signed', eventType, variant: 'valid', body, signature };
    const delivered = await ctx.send(originalCase);
    const fieldChanged = await ctx.forAll({
      name: 'field-changed',
      arbitrary: changeOneField(original),
      runs,
      toCase: (changed) => ({
        label: `field-changed: ${changed.detail} in an event already delivered, sent again under its signature`,
        eventType,
        variant: 'signature:field-changed',
        body: serialiseEvent(changed.event),
        signature,
        signedBody: body,
      }),
      judge: (_changed, result) => expectUnauthorized(result),
      setup: [originalCase],
      control: (changed, result) => forgedControl(ctx, eventType, serialiseEvent(changed.event), result),
    });
    const note = delivered.outcome === 'success' ? undefined : `the original of the field-changed cases was not accepted (${describeResult(delivered)})`;
    return ctx.outcome([oneByte, { cases: 1, failures: [], judged: 0 }, fieldChanged], note);
  },
};
