import fc from 'fast-check';
import { eventArbitrary, type GeneratedEvent } from './events';
import { plainValues } from './plainValues';
import type { EventType } from '../schemas/catalogue';
import { isSchemaObject } from '../spec/types';
import { InternalError } from '../errors';

/**
 * The example body of one interaction: a valid event of `eventType` drawn from the engine's
 * arbitrary with `seed`, with every optional field present (Pact has no optional keys, so the
 * example is the shape) or, for EVT-2, none of them, values made plain (readable text, plain numbers and times, so the file
 * diffs cleanly), and objects whose keys the schema leaves open emptied.
 */
export function exampleEvent(eventType: EventType, seed: number, presence: 'full' | 'minimal' = 'full'): GeneratedEvent {
  const [event] = fc.sample(eventArbitrary(eventType, { presence }), { seed, numRuns: 1 });
  if (event === undefined) throw new InternalError(`no example for ${eventType.type}`);
  return emptyOpenObjects(eventType.schema, plainValues(eventType)(event)) as GeneratedEvent;
}

/** `value` with every object whose keys the schema leaves open replaced by `{}`. */
export function emptyOpenObjects(schema: unknown, value: unknown): unknown {
  if (!isSchemaObject(schema)) return value;
  if (Array.isArray(value)) return value.map((item) => emptyOpenObjects(schema.items, item));
  if (!isSchemaObject(value)) return value;
  const properties = isSchemaObject(schema.properties) ? schema.properties : {};
  if (Object.keys(properties).length === 0 && schema.additionalProperties !== false && !Array.isArray(schema.required)) return {};
  return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, emptyOpenObjects(properties[key], child)]));
}
