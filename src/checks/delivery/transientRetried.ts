import { deliverWithRetries, describeResult, type DeliveryResult } from '../../delivery';
import { serialiseEvent } from '../../serialise';
import { blockedDelivery } from '../attribution';
import type { Check } from '../check';
import type { OutgoingCase } from '../checkContext';
import { eventsOf } from '../properties';
import { skipWith } from '../skipWithoutTypes';
import { envelopeFields } from './envelopeFields';
import { freshIds } from './freshIds';
import { gridx } from '../../contract/gridx';
import { listStatuses } from '../../contract/listStatuses';

// Cases cost up to 31 retry delays each (1+2+4+8+16 s in production) against a receiver that keeps failing.
const MAX_RUNS = 10;

const waitedOut = (r: DeliveryResult): boolean => r.outcome === 'transient' || r.outcome === 'timeout';

/**
 * Whether a receiver's temporary failures are ones gridX can recover from. Nothing can make a
 * receiver fail on demand, so each drawn event is delivered under gridX's retry policy (up to five
 * retries, exponential backoff from --retry-base-delay) and the answers it got are judged: the
 * event must end up accepted, and every answer before that must be a transient status (408, 429,
 * 500, 502, 503, 504) or a timeout. A sound receiver passes at the first attempt; one that refuses
 * a hiccup with a permanent status (507, 400…), resets the connection, or never recovers, fails.
 * Attribution: a delivery refused at once counts only if the same delivery sent again is accepted
 * (else the event is refused: EVT-1); one never answered at all is DLV-1's.
 */
export const transientRetried: Check = {
  id: 'dlv-transient-retried',
  title: 'Temporary failures use transient statuses and the retried delivery is accepted',
  requirement: 'DLV-7',
  severity: 'recommended',
  async run(ctx) {
    const discriminator = ctx.engine.catalogue.discriminator;
    const fields = envelopeFields(ctx.types, discriminator);
    if (typeof fields === 'string') return skipWith(fields);
    const nextId = freshIds(ctx.seed, 'dlv-transient-retried');
    const part = await ctx.forAll({
      name: 'dlv-transient-retried',
      arbitrary: eventsOf(ctx.types, { maxBytes: ctx.maxEventBytes }),
      runs: Math.min(ctx.runs, MAX_RUNS),
      shrink: false,
      async play(event, io) {
        const body = serialiseEvent({ ...event, [fields.id]: nextId() });
        const outgoing: OutgoingCase = { label: 'delivery under gridX retry policy', eventType: String(event[discriminator]), variant: 'valid', body, signature: ctx.sign(body) };
        // Each attempt goes through ctx.send (headers, coverage, hang guard): the request given to
        // deliverWithRetries only stands for it.
        const { attempts, final } = await deliverWithRetries(
          { send: () => io.send(outgoing) },
          { url: ctx.target.url, body, headers: {} },
          {
            baseDelayMs: ctx.retryBaseDelayMs,
            shouldRetry: (result) => waitedOut(result) && !io.stopped(),
          },
        );
        const wrong = attempts.find((r) => r.outcome !== 'success' && !waitedOut(r));
        if (wrong === undefined && final.outcome === 'success') return undefined;
        // DLV-7 is about temporary failures the receiver signals. Never answered at all: DLV-1's.
        const accepted = `a success status (${listStatuses(gridx.statuses.success, 'or')}) in time`;
        if (wrong === undefined && !attempts.some((r) => r.outcome === 'transient'))
          return blockedDelivery(outgoing, final, accepted, `a correctly signed valid event, over ${attempts.length} attempt(s),`);
        if (wrong !== undefined && wrong === attempts[0]) {
          // Refused at once: a temporary problem only if the same delivery is accepted when sent
          // again (its control); refused again, the event is refused (EVT-1), nothing was temporary.
          const again = await io.send(outgoing);
          if (again.outcome !== 'success') return blockedDelivery(outgoing, again, accepted, 'the same delivery sent again');
        }
        const actual = `${attempts.length} attempt(s): ${attempts.map(describeResult).join('; ')}`;
        const expected =
          wrong !== undefined
            ? `temporary failures signalled with a transient status (${listStatuses(gridx.statuses.transient, 'or')}) so that gridX retries; any other answer is final and the event is lost`
            : `acceptance within gridX's five retries (exponential backoff from ${ctx.retryBaseDelayMs} ms)${io.stopped() ? '; retries were cut short because the receiver looks hung' : ''}`;
        // Refused at once, its control (the same delivery again) was sent too: a replay sends it the same way.
        const control = wrong !== undefined && wrong === attempts[0] ? [{ role: 'control' as const, outgoing: { ...outgoing, label: 'the same delivery sent again' } }] : [];
        const plan = { deliveries: [{ role: 'judged' as const, outgoing }, ...control], retries: { baseDelayMs: ctx.retryBaseDelayMs } };
        return { outgoing, result: wrong ?? final, expected, actual, plan };
      },
    });
    return ctx.outcome([part]);
  },
};
