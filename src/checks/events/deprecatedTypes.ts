import fc from 'fast-check';
import type { Check } from '../check';
import { expectSuccessOrPermanent4xx } from '../expectations';
import { eventsOf } from '../properties';
import { plainValues } from './plainValues';
import { noTypes, runsPerType, signedEventCase } from './signedCase';

export const deprecatedTypes: Check = {
  id: 'evt-deprecated-types',
  title: 'Deprecated event types are accepted or refused permanently, never transiently',
  requirement: 'EVT-5',
  severity: 'recommended',
  async run(ctx) {
    if (ctx.deprecatedTypes.length === 0) return noTypes('no deprecated event type selected');
    const parts = [];
    for (const eventType of ctx.deprecatedTypes) {
      // Every field present, plain values: the type is the one thing these events vary.
      const plain = plainValues(eventType);
      parts.push(
        await ctx.forAll({
          name: eventType.type,
          arbitrary: fc.noShrink(eventsOf([eventType], { presence: 'full' })).map((event) => plain(event)),
          runs: runsPerType(ctx),
          toCase: (event) => signedEventCase(ctx, event, 'deprecated type', eventType.type, 'valid:deprecated'),
          judge: (_event, result) => expectSuccessOrPermanent4xx(result),
        }),
      );
    }
    return ctx.outcome(parts);
  },
};
