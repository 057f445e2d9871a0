import type { GeneratedEvent } from '../../arbitraries';
import type { Check } from '../check';
import { expectSuccess } from '../expectations';
import { eventsOf } from '../properties';
import { plainValues } from './plainValues';
import { listPointers, unknownPropertyPointers } from './schemaFields';
import { noTypes, runsPerType, signedEventCase } from './signedCase';

export const unknownProperties: Check = {
  id: 'evt-unknown-properties',
  title: 'Unknown extra properties in the envelope and in data are accepted',
  requirement: 'EVT-3',
  severity: 'required',
  async run(ctx) {
    if (ctx.types.length === 0) return noTypes();
    const parts = [];
    for (const eventType of ctx.types) {
      // Every known field present, plain values: unknown properties are the one thing these events vary.
      const plain = plainValues(eventType);
      parts.push(
        await ctx.forAll({
          name: eventType.type,
          arbitrary: eventsOf([eventType], { extraProperties: true, presence: 'full' }).map((event) => plain(event) as GeneratedEvent),
          runs: runsPerType(ctx),
          toCase: (event) => {
            // Shrinking leaves one short unknown key per object: the label names them.
            const label = `unknown properties: ${listPointers(unknownPropertyPointers(eventType.schema, event))}`;
            return signedEventCase(ctx, event, label, eventType.type, 'valid:extra-properties');
          },
          judge: (_event, result) => expectSuccess(result),
        }),
      );
    }
    return ctx.outcome(parts);
  },
};
