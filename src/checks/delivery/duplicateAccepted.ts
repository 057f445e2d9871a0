import { serialiseEvent } from '../../serialise';
import { blockedDelivery } from '../attribution';
import type { Check } from '../check';
import type { OutgoingCase } from '../checkContext';
import { expectSuccess } from '../expectations';
import { eventsOf } from '../properties';
import { skipWith } from '../skipWithoutTypes';
import { envelopeFields } from './envelopeFields';
import { freshIds } from './freshIds';

export const duplicateAccepted: Check = {
  id: 'dlv-duplicate-accepted',
  title: 'The same event delivered twice (same id, same bytes) is accepted both times',
  requirement: 'DLV-4',
  severity: 'required',
  async run(ctx) {
    const discriminator = ctx.engine.catalogue.discriminator;
    const fields = envelopeFields(ctx.types, discriminator);
    if (typeof fields === 'string') return skipWith(fields);
    const nextId = freshIds(ctx.seed, 'dlv-duplicate-accepted');
    const part = await ctx.forAll({
      name: 'dlv-duplicate-accepted',
      arbitrary: eventsOf(ctx.types, { maxBytes: ctx.maxEventBytes }),
      async play(drawn, io) {
        const body = serialiseEvent({ ...drawn, [fields.id]: nextId() });
        const first: OutgoingCase = { label: 'first delivery', eventType: String(drawn[discriminator]), variant: 'valid', body, signature: ctx.sign(body) };
        const firstResult = await io.send(first);
        // The first delivery is the control: if it is refused, the duplicate cannot be judged.
        if (!expectSuccess(firstResult).ok) return blockedDelivery(first, firstResult, expectSuccess(firstResult).expected, 'the first delivery of the event');
        // gridX re-sends the stored delivery: same bytes, same signature.
        const again: OutgoingCase = { ...first, label: 'duplicate delivery (same id, same bytes, sent again right after a success)' };
        const result = await io.send(again);
        const expected = 'a success status again: gridX may deliver an event twice (its answer to the first can be lost), so a duplicate must be acknowledged, not refused';
        const plan = {
          deliveries: [
            { role: 'setup' as const, outgoing: first },
            { role: 'judged' as const, outgoing: again },
          ],
        };
        return result.outcome === 'success' ? undefined : { outgoing: again, result, expected, plan };
      },
    });
    return ctx.outcome([part]);
  },
};
