import type { Check } from '../check';
import { blockedJudgement, blockerOf, blockerReason } from '../attribution';
import type { Judgement } from '../checkContext';
import { eventsOf } from '../properties';
import { signedEventCase } from './signedCase';
import { runsEach } from '../runsEach';
import { skipWithoutTypes } from '../skipWithoutTypes';

export const gone: Check = {
  id: 'gone-valid-event',
  title: 'A valid event is not answered 410 Gone (gridX would delete the subscription)',
  requirement: 'GONE-1',
  severity: 'informational',
  async run(ctx) {
    const skip = skipWithoutTypes(ctx.types);
    if (skip !== undefined) return skip;
    const discriminator = ctx.engine.catalogue.discriminator;
    const part = await ctx.forAll({
      name: 'valid-event',
      arbitrary: eventsOf(ctx.types, { maxBytes: ctx.maxEventBytes }),
      runs: runsEach(ctx, 4),
      toCase: (event) => signedEventCase(ctx, event, 'valid event', String(event[discriminator]), 'valid'),
      // No answer is no evidence that the receiver would not answer 410: DLV-1's to fail, not a pass.
      judge: (_event, result): Judgement =>
        result.outcome === 'timeout' || result.outcome === 'error'
          ? blockedJudgement('anything but 410 Gone', blockerOf(result), blockerReason(result))
          : { ok: result.outcome !== 'gone', expected: 'anything but 410 Gone' },
    });
    const failure = part.failures[0];
    if (failure !== undefined) return ctx.outcome([part], goneWarning(failure.label));
    if (part.judged === 0 && part.blocked !== undefined) return ctx.outcome([part]);
    if (part.stoppedEarly !== undefined) {
      // Stopped by what happened elsewhere in the run: too little evidence to call it a pass.
      return { status: 'skip', cases: part.cases, failures: [], note: `stopped early: ${part.stoppedEarly}` };
    }
    return ctx.outcome([part]);
  },
};

function goneWarning(label: string): string {
  return (
    `RECEIVER GONE: a valid, correctly signed event (${label}) was answered 410 Gone. gridX reads 410 as ` +
    '"this receiver has been decommissioned" and DELETES THE WEBHOOK SUBSCRIPTION: no further event is ' +
    'delivered, nothing is retried, and the subscription must be created again. Answer 410 only to ask for that.'
  );
}
