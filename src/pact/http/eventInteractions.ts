import type { EventType } from '../../schemas/catalogue';
import { exampleEvent } from '../../arbitraries/exampleEvent';
import { exampleSeed } from '../../arbitraries/exampleSeed';
import type { InteractionSpec } from './httpInteraction';
import { acceptedOrRefusedStatuses, statusResponse, successStatuses } from './statusRules';
import { gridx } from '../../contract/gridx';
import { listStatuses } from '../../contract/listStatuses';

/**
 * One interaction per event type, correctly signed: EVT-1 for a current type (answered with one
 * of gridX's success statuses), EVT-5 for a deprecated one (accepted, or refused with a 4xx gridX
 * does not retry).
 */
/** The transient statuses a receiver could send for a refused event (4xx ones). */
const transient4xx = gridx.statuses.transient.filter((status) => status < 500);

export function eventInteractions(types: readonly EventType[], seed: number, header: string): InteractionSpec[] {
  return types.map((eventType) => {
    const common = { plan: { label: 'valid-single', header }, event: exampleEvent(eventType, exampleSeed(seed, eventType.type)), schema: eventType.schema } as const;
    if (!eventType.deprecated) {
      const statuses = successStatuses();
      return {
        ...common,
        requirement: 'EVT-1',
        description: `a valid ${eventType.type} event is accepted`,
        response: statusResponse(202, statuses),
        notes: [`Any of ${statuses.join(', ')} passes: gridX's success statuses (DLV-2). The example carries every optional field.`],
      };
    }
    return {
      ...common,
      requirement: 'EVT-5',
      description: `a deprecated ${eventType.type} event is accepted or refused permanently`,
      response: statusResponse(202, acceptedOrRefusedStatuses()),
      notes: [`A success status, or a 4xx that gridX neither retries (${listStatuses(transient4xx)}) nor reads as "gone" (${listStatuses(gridx.statuses.gone)}), passes.`],
    };
  });
}
