import fc from 'fast-check';
import type { GeneratedEvent } from '../../arbitraries';
import { serialiseEvent } from '../../serialise';
import { blockedDelivery } from '../attribution';
import type { Check } from '../check';
import type { OutgoingCase } from '../checkContext';
import { expectSuccess } from '../expectations';
import { eventsOf } from '../properties';
import { skipWith } from '../skipWithoutTypes';
import { envelopeFields } from './envelopeFields';
import { freshIds } from './freshIds';

/**
 * Two events of one type about one subject, the newer first: the older one shares the newer one's
 * subject fields and has its own time and data; both get ids new to the receiver. Times are drawn
 * from the schema's date-time format and compared as instants.
 */
export const outOfOrder: Check = {
  id: 'dlv-out-of-order',
  title: 'An event older than one already accepted (same type, same subject) is accepted',
  requirement: 'DLV-5',
  severity: 'required',
  async run(ctx) {
    const discriminator = ctx.engine.catalogue.discriminator;
    const fields = envelopeFields(ctx.types, discriminator);
    if (typeof fields === 'string') return skipWith(fields);
    const instant = (event: GeneratedEvent): number => Date.parse(String(event[fields.time]));
    const pairs = fc
      .oneof(...ctx.types.map((t) => fc.tuple(eventsOf([t], { maxBytes: ctx.maxEventBytes }), eventsOf([t], { maxBytes: ctx.maxEventBytes }))))
      .filter(([a, b]) => !Number.isNaN(instant(a)) && !Number.isNaN(instant(b)) && instant(a) !== instant(b))
      .map(([a, b]) => {
        const [newer, older] = instant(a) > instant(b) ? [a, b] : [b, a];
        return { newer, older: { ...older, ...Object.fromEntries(fields.subject.map((name) => [name, newer[name]])) } };
      });
    const nextId = freshIds(ctx.seed, 'dlv-out-of-order');
    const toCase = (event: GeneratedEvent, label: string): OutgoingCase => {
      const body = serialiseEvent({ ...event, [fields.id]: nextId() });
      return { label, eventType: String(event[discriminator]), variant: 'valid', body, signature: ctx.sign(body) };
    };
    const part = await ctx.forAll({
      name: 'dlv-out-of-order',
      arbitrary: pairs,
      async play({ newer, older }, io) {
        const first = toCase(newer, `newer event (${fields.time} ${String(newer[fields.time])})`);
        const firstResult = await io.send(first);
        // The newer event is the control: if it is refused, the late one cannot be judged.
        if (!expectSuccess(firstResult).ok) return blockedDelivery(first, firstResult, expectSuccess(firstResult).expected, 'the newer event');
        const late = toCase(
          older,
          `older event sent after a newer one of the same ${[discriminator, ...fields.subject].join('/')} (${fields.time} ${String(older[fields.time])} < ${String(newer[fields.time])})`,
        );
        const result = await io.send(late);
        const expected = 'a success status: gridX does not guarantee order (retries land late), so an older event must be accepted, not refused as stale';
        const plan = {
          deliveries: [
            { role: 'setup' as const, outgoing: first },
            { role: 'judged' as const, outgoing: late },
          ],
        };
        return result.outcome === 'success' ? undefined : { outgoing: late, result, expected, plan };
      },
    });
    return ctx.outcome([part]);
  },
};
