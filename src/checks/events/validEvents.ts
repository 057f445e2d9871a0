import type { Check } from '../check';
import { judgeAcceptance } from '../attribution';
import { acceptedEventsProperty, eventsOf } from '../properties';
import { runsEach } from '../runsEach';
import { propertyPerType } from './propertyPerType';

export const validEvents: Check = {
  id: 'evt-valid-events',
  title: 'A valid event of every subscribed type is accepted',
  requirement: 'EVT-1',
  severity: 'required',
  run(ctx) {
    // One property per type: every type is exercised, and a failure names the type it broke.
    return propertyPerType(ctx, (eventType) => {
      // A refusal is EVT-1's unless it breaks something more basic (no answer: DLV-1; 401: SIG-1; a redirect: DLV-3).
      return ctx.forAll({
        ...acceptedEventsProperty(ctx, eventType.type, eventsOf([eventType], { maxBytes: ctx.maxEventBytes })),
        runs: runsEach(ctx, 4),
        judge: (_event, result) => judgeAcceptance('EVT-1', result),
      });
    });
  },
};
