import type { GeneratedEvent } from '../../arbitraries';
import type { Check } from '../check';
import { expectSuccess } from '../expectations';
import { eventsOf } from '../properties';
import { plainValues } from '../../arbitraries/plainValues';
import { refusedUnknownField } from './refusedUnknownField';
import { listPointers } from '../../jsonPointer';
import { unknownPropertyPointers } from '../../schemas/unknownPropertyPointers';
import { withoutPointers } from '../../arbitraries/withoutPointers';
import { signedEventCase } from './signedCase';
import { runsEach } from '../runsEach';
import { propertyPerType } from './propertyPerType';

/**
 * EVT-3. A refused case counts against EVT-3 when its control (the same event without the unknown
 * properties) is accepted, or when the answer itself says a property was unknown (a strict
 * decoder: see refusedUnknownField); otherwise it is blocked by what the control's answer breaks.
 */
export const unknownProperties: Check = {
  id: 'evt-unknown-properties',
  title: 'Unknown extra properties in the envelope and in data are accepted',
  requirement: 'EVT-3',
  severity: 'required',
  run(ctx) {
    return propertyPerType(ctx, (eventType) => {
      // Every known field present, plain values: unknown properties are the one thing these events vary.
      const plain = plainValues(eventType);
      return ctx.forAll({
        name: eventType.type,
        arbitrary: eventsOf([eventType], { extraProperties: true, presence: 'full', maxBytes: ctx.maxEventBytes }).map((event) => plain(event) as GeneratedEvent),
        runs: runsEach(ctx, 4),
        toCase: (event) => {
          // Shrinking leaves one short unknown key per object: the label names them.
          const label = `unknown properties: ${listPointers(unknownPropertyPointers(eventType.schema, event))}`;
          return signedEventCase(ctx, event, label, eventType.type, 'valid:extra-properties');
        },
        judge: (_event, result) => expectSuccess(result),
        control: (event, result) =>
          refusedUnknownField(result)
            ? undefined
            : signedEventCase(
                ctx,
                withoutPointers(event, unknownPropertyPointers(eventType.schema, event)),
                'the same event without the unknown properties',
                eventType.type,
                'valid',
              ),
      });
    });
  },
};
