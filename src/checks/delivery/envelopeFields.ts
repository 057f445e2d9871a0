import type { EventType } from '../../schemas/catalogue';
import { isSchemaObject } from '../../spec/types';
import { NO_TYPES_NOTE } from '../skipWithoutTypes';

/** The envelope fields the delivery checks reason about, found in the event schemas by their shape. */
export interface EnvelopeFields {
  /** The event's identity: the one required uuid property ("id"). */
  readonly id: string;
  /** When the event occurred: the one required date-time property ("time"). */
  readonly time: string;
  /**
   * What the event is about: every other required plain string of the envelope, discriminator
   * aside ("accountID", "source", "specVersion"). Two events sharing them concern one subject.
   */
  readonly subject: readonly string[];
}

/**
 * The envelope fields shared by every given type, read from their schemas (no field name is
 * assumed), or why there are none: a reason for the check's skip note.
 */
export function envelopeFields(types: readonly EventType[], discriminator: string): EnvelopeFields | string {
  const found = types.map((t) => fieldsOf(t, discriminator));
  const first = found[0];
  if (first === undefined) return NO_TYPES_NOTE;
  if (typeof first === 'string') return first;
  const same = found.every((f) => typeof f !== 'string' && f.id === first.id && f.time === first.time && f.subject.join() === first.subject.join());
  return same ? first : 'the selected event types do not share one envelope (id, time and subject fields differ)';
}

function fieldsOf(eventType: EventType, discriminator: string): EnvelopeFields | string {
  const properties = isSchemaObject(eventType.schema.properties) ? eventType.schema.properties : {};
  const required = Array.isArray(eventType.schema.required) ? (eventType.schema.required as string[]) : [];
  const strings = required.filter((name) => name !== discriminator && isSchemaObject(properties[name]) && properties[name].type === 'string');
  const withFormat = (format: string | undefined): string[] =>
    strings.filter((name) => (properties[name] as { format?: unknown }).format === format && (properties[name] as { enum?: unknown }).enum === undefined);
  const [id, ...otherIds] = withFormat('uuid');
  const [time, ...otherTimes] = withFormat('date-time');
  if (id === undefined || otherIds.length > 0) return `${eventType.type} has no single required uuid property to identify an event`;
  if (time === undefined || otherTimes.length > 0) return `${eventType.type} has no single required date-time property in its envelope`;
  return { id, time, subject: withFormat(undefined) };
}
