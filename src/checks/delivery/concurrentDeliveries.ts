import fc from 'fast-check';
import { serialiseEvent } from '../../serialise';
import { blockedDelivery } from '../attribution';
import type { Check } from '../check';
import type { OutgoingCase } from '../checkContext';
import { eventsOf } from '../properties';
import { skipWith } from '../skipWithoutTypes';
import { envelopeFields } from './envelopeFields';
import { freshIds } from './freshIds';
import { runsEach } from '../runsEach';

export const concurrentDeliveries: Check = {
  id: 'dlv-concurrent',
  title: 'Several deliveries in flight at once are all accepted in time',
  requirement: 'DLV-6',
  severity: 'required',
  async run(ctx) {
    const discriminator = ctx.engine.catalogue.discriminator;
    const fields = envelopeFields(ctx.types, discriminator);
    if (typeof fields === 'string') return skipWith(fields);
    // Two at least: one request at a time proves nothing about concurrency.
    const inFlight = Math.max(2, ctx.concurrency);
    const batches = fc.array(eventsOf(ctx.types, { maxBytes: ctx.maxEventBytes }), { minLength: inFlight, maxLength: inFlight });
    // New ids, so that a batch is never also a duplicate test (DLV-4), even once shrunk.
    const nextId = freshIds(ctx.seed, 'dlv-concurrent');
    const expected = `a success status (200, 201, 202 or 204) within ${ctx.timeoutMs} ms for every one of ${inFlight} deliveries sent at once (gridX does not queue deliveries to one receiver)`;
    const part = await ctx.forAll({
      name: 'dlv-concurrent',
      arbitrary: batches,
      // Each case is a batch: as many requests in all as a property of --runs single cases.
      runs: runsEach(ctx, inFlight, 2),
      // A concurrency failure depends on timing, not on the events drawn: shrinking would only
      // re-send batches and blame whichever event lost the race.
      shrink: false,
      async play(events, io) {
        const cases = events.map((event, index): OutgoingCase => {
          const body = serialiseEvent({ ...event, [fields.id]: nextId() });
          return { label: `delivery ${index + 1} of ${inFlight} in flight at once`, eventType: String(event[discriminator]), variant: 'valid', body, signature: ctx.sign(body) };
        });
        const results = await Promise.all(cases.map((c) => io.send(c)));
        const index = results.findIndex((r) => r.outcome !== 'success');
        const outgoing = cases[index];
        const result = results[index];
        if (outgoing === undefined || result === undefined) return undefined;
        // Control: the same event alone, under a new id. Refused alone too, it is not concurrency
        // that breaks it but something more basic. Deliveries that timed out may still hold the
        // receiver: they are given one more timeout to drain first, so the control really is alone.
        if (results.some((r) => r.outcome === 'timeout')) await new Promise((resolve) => setTimeout(resolve, ctx.timeoutMs));
        const alone = events[index] as (typeof events)[number];
        const soloBody = serialiseEvent({ ...alone, [fields.id]: nextId() });
        const solo: OutgoingCase = { label: 'the same event sent alone', eventType: String(alone[discriminator]), variant: 'valid', body: soloBody, signature: ctx.sign(soloBody) };
        const soloResult = await io.send(solo);
        if (soloResult.outcome !== 'success') return blockedDelivery(solo, soloResult, expected, 'the same event sent alone');
        const plan = {
          deliveries: [...cases.map((c) => ({ role: 'judged' as const, outgoing: c, batch: 1 })), { role: 'control' as const, outgoing: solo }],
        };
        return { outgoing, result, expected, plan };
      },
    });
    return ctx.outcome([part]);
  },
};
