import type { GeneratedEvent } from '../../arbitraries';
import type { EventType } from '../../schemas/catalogue';
import { isSchemaObject } from '../../spec/types';
import { exampleEvent } from '../../arbitraries/exampleEvent';
import { exampleSeed } from '../../arbitraries/exampleSeed';
import type { InteractionSpec } from './httpInteraction';
import { statusResponse, successStatuses } from './statusRules';

/** The unknown property EVT-3 adds to the envelope and to `data`: a name gridX does not use. */
export const UNKNOWN_FIELD = 'hookproofFutureField';

/**
 * The tolerant-reader interactions: for each current type, its event with every optional field
 * absent (EVT-2); and one event of `forUnknown` with an unknown property in the envelope and one in
 * `data` (EVT-3). All correctly signed, all to be accepted.
 */
export function toleranceInteractions(current: readonly EventType[], forUnknown: EventType | undefined, seed: number, header: string): InteractionSpec[] {
  const statuses = successStatuses();
  const accepted = statusResponse(202, statuses);
  const minimal = current.map((eventType): InteractionSpec => ({
    requirement: 'EVT-2',
    description: `a ${eventType.type} event without any optional field is accepted`,
    plan: { label: 'valid-single', header },
    event: exampleEvent(eventType, exampleSeed(seed, `EVT-2 ${eventType.type}`), 'minimal'),
    schema: eventType.schema,
    response: accepted,
    notes: ['Only the fields the spec requires are present: a receiver must not rely on optional ones.'],
  }));
  if (forUnknown === undefined) return minimal;
  const event = withUnknownFields(forUnknown, exampleEvent(forUnknown, exampleSeed(seed, 'EVT-3')));
  return [
    ...minimal,
    {
      requirement: 'EVT-3',
      description: `a ${forUnknown.type} event with unknown properties in the envelope and in data is accepted`,
      plan: { label: 'valid-single', header },
      event,
      schema: forUnknown.schema,
      response: accepted,
      notes: [`"${UNKNOWN_FIELD}" is not in the spec: gridX adds fields without notice, so a receiver must ignore ones it does not know.`],
    },
  ];
}

/** The event with UNKNOWN_FIELD in the envelope and, when its schema leaves `data` open, in `data`. */
function withUnknownFields(eventType: EventType, event: GeneratedEvent): GeneratedEvent {
  const schema = eventType.schema;
  const dataSchema = isSchemaObject(schema) && isSchemaObject(schema.properties) ? schema.properties.data : undefined;
  const data = event.data;
  const dataOpen = isSchemaObject(data) && !Array.isArray(data) && !(isSchemaObject(dataSchema) && dataSchema.additionalProperties === false);
  return {
    ...event,
    [UNKNOWN_FIELD]: 'added by a later version of gridX',
    ...(dataOpen ? { data: { ...data, [UNKNOWN_FIELD]: { nested: true, count: 1 } } } : {}),
  };
}
