import type { Check } from '../check';
import { expectSuccess } from '../expectations';
import { boundaryEventArbitrary } from '../../arbitraries/boundaryEventArbitrary';
import { signedEventCase } from './signedCase';
import { runsEach } from '../runsEach';
import { propertyPerType } from './propertyPerType';

export const boundaryValues: Check = {
  id: 'evt-boundary-values',
  title: 'Boundary values the schema allows are accepted',
  requirement: 'EVT-4',
  severity: 'required',
  run(ctx) {
    return propertyPerType(ctx, (eventType) =>
      ctx.forAll({
        name: eventType.type,
        arbitrary: boundaryEventArbitrary(eventType, ctx.maxEventBytes),
        // Each case mixes many edges; half of --runs per type gives each edge of a field several tries.
        runs: runsEach(ctx, 2, 10),
        toCase: ({ event, edges }) => {
          const label = edges.length === 0 ? 'plain values only (boundaries are not the cause)' : `boundary values: ${edges.map((e) => `${e.pointer} = ${e.label}`).join('; ')}`;
          return signedEventCase(ctx, event, label, eventType.type, 'valid:boundary');
        },
        judge: (_value, result) => expectSuccess(result),
        // Counts against EVT-4 only if the same event with plain values is accepted.
        control: ({ plain }) => signedEventCase(ctx, plain, 'the same event with plain values', eventType.type, 'valid'),
      }),
    );
  },
};
