import type { EventType } from '../schemas/catalogue';
import { schemaFields } from '../schemas/schemaFields';
import { fieldBoundaries, type FieldBoundaries } from './fieldBoundaries';

/** A field of an event type that has edge values, and what they are. */
export interface BoundarySite extends FieldBoundaries {
  readonly pointer: string;
}

/** The fields of an event type with edge values, from its schema (nothing here knows a field name). */
export function boundarySites(eventType: EventType): readonly BoundarySite[] {
  const cached = sitesCache.get(eventType);
  if (cached !== undefined) return cached;
  const sites = schemaFields(eventType.schema).flatMap((field) => {
    const found = fieldBoundaries(field.schema);
    return found === undefined || found.boundaries.length === 0 ? [] : [{ pointer: field.pointer, ...found }];
  });
  sitesCache.set(eventType, sites);
  return sites;
}

const sitesCache = new WeakMap<EventType, readonly BoundarySite[]>();
