import fc from 'fast-check';
import type { Check } from '../check';
import { blockedJudgement, blockerOf, blockerReason } from '../attribution';
import { expectSuccessOrPermanent4xx } from '../expectations';
import { eventsOf } from '../properties';
import { plainValues } from '../../arbitraries/plainValues';
import { signedEventCase } from './signedCase';
import { runsEach } from '../runsEach';
import { skipWithoutTypes } from '../skipWithoutTypes';

export const deprecatedTypes: Check = {
  id: 'evt-deprecated-types',
  title: 'Deprecated event types are accepted or refused permanently, never transiently',
  requirement: 'EVT-5',
  severity: 'recommended',
  async run(ctx) {
    const skip = skipWithoutTypes(ctx.deprecatedTypes, 'no deprecated event type selected');
    if (skip !== undefined) return skip;
    // The control of a case: a plain valid event of a subscribed, non-deprecated type. Without
    // one (only deprecated types selected), an unanswered case is DLV-1's, not EVT-5's.
    const [controlType] = ctx.types;
    const controlEvents =
      controlType === undefined ? undefined : fc.sample(eventsOf([controlType], { presence: 'full', maxBytes: ctx.maxEventBytes }), { seed: ctx.seed, numRuns: 1 })[0];
    const parts = [];
    for (const eventType of ctx.deprecatedTypes) {
      // Every field present, plain values: the type is the one thing these events vary.
      const plain = plainValues(eventType);
      parts.push(
        await ctx.forAll({
          name: eventType.type,
          arbitrary: fc.noShrink(eventsOf([eventType], { presence: 'full', maxBytes: ctx.maxEventBytes })).map((event) => plain(event)),
          runs: runsEach(ctx, 4),
          toCase: (event) => signedEventCase(ctx, event, 'deprecated type', eventType.type, 'valid:deprecated'),
          judge: (_event, result) => {
            const judgement = expectSuccessOrPermanent4xx(result);
            const unanswered = result.outcome === 'timeout' || result.outcome === 'error';
            return !judgement.ok && unanswered && controlEvents === undefined
              ? blockedJudgement(judgement.expected, blockerOf(result), blockerReason(result, 'a deprecated event'))
              : judgement;
          },
          ...(controlType !== undefined && controlEvents !== undefined
            ? { control: () => signedEventCase(ctx, plainValues(controlType)(controlEvents), `a valid ${controlType.type} event (not deprecated)`, controlType.type, 'valid') }
            : {}),
        }),
      );
    }
    return ctx.outcome(parts);
  },
};
