import type { Check } from '../check';
import { expectSuccess } from '../expectations';
import { minimalEventArbitrary } from '../../arbitraries/minimalEventArbitrary';
import { listPointers } from '../../jsonPointer';
import { signedEventCase } from './signedCase';
import { runsEach } from '../runsEach';
import { propertyPerType } from './propertyPerType';

export const minimalEvents: Check = {
  id: 'evt-minimal-events',
  title: 'Events that omit every optional field are accepted',
  requirement: 'EVT-2',
  severity: 'required',
  run(ctx) {
    // One property per type; a failure is shrunk to the optional fields whose absence breaks the receiver.
    return propertyPerType(ctx, (eventType) =>
      ctx.forAll({
        name: eventType.type,
        arbitrary: minimalEventArbitrary(eventType),
        runs: runsEach(ctx, 4),
        toCase: ({ event, omitted }) => {
          const label = omitted.length === 0 ? 'every optional field present (absence is not the cause)' : `optional field(s) absent: ${listPointers(omitted)}`;
          return signedEventCase(ctx, event, label, eventType.type, 'valid:minimal');
        },
        judge: (_value, result) => expectSuccess(result),
        // Counts against EVT-2 only if the same event with every field present is accepted.
        control: ({ full }) => signedEventCase(ctx, full, 'the same event with every optional field present', eventType.type, 'valid'),
      }),
    );
  },
};
