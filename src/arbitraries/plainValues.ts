import type { EventType } from '../schemas/catalogue';
import { isSchemaObject } from '../spec/types';
import { boundarySites } from './boundarySites';
import { escapePointerSegment, pointerSegments } from '../jsonPointer';

/**
 * Makes an event's values plain: every text, number and date-time field present gets its plain
 * value, and every string the schema does not describe (in free-form objects, in unknown
 * properties) becomes "x". Checks that vary one thing (absence, unknown keys, the type) send plain
 * events, so that a receiver that breaks on long text or an offset fails EVT-4, not them as well.
 * `keep` (a pointer) and everything below it are left alone: that is what an invalid case broke.
 */
export function plainValues(eventType: EventType): (event: unknown, keep?: string) => unknown {
  const sites = boundarySites(eventType);
  return (event, keep) => {
    const kept = (pointer: string): boolean => keep !== undefined && (pointer === keep || pointer.startsWith(`${keep}/`));
    const copy = plainUndescribed(eventType.schema, structuredClone(event), '', kept);
    for (const site of sites) if (!kept(site.pointer)) replaceIfPresent(copy, site.pointer, site.plain);
    return copy;
  };
}

function plainUndescribed(schema: unknown, value: unknown, pointer: string, kept: (pointer: string) => boolean): unknown {
  if (kept(pointer) || typeof value !== 'object' || value === null) return value;
  for (const [key, sub] of Object.entries(value)) {
    const path = `${pointer}/${escapePointerSegment(key)}`;
    const described = childSchema(schema, key, Array.isArray(value));
    (value as Record<string, unknown>)[key] = described !== undefined ? plainUndescribed(described, sub, path, kept) : plainAll(sub, path, kept);
  }
  return value;
}

/** The schema of a child of an object or array, or undefined when the schema says nothing of it. */
function childSchema(schema: unknown, key: string, inArray: boolean): unknown {
  if (!isSchemaObject(schema)) return undefined;
  if (inArray) return isSchemaObject(schema.items) ? schema.items : undefined;
  if (isSchemaObject(schema.properties) && key in schema.properties) return schema.properties[key];
  return isSchemaObject(schema.additionalProperties) ? schema.additionalProperties : undefined;
}

function plainAll(value: unknown, pointer: string, kept: (pointer: string) => boolean): unknown {
  if (kept(pointer)) return value;
  if (typeof value === 'string') return 'x';
  return plainUndescribed(undefined, value, pointer, kept);
}

function replaceIfPresent(root: unknown, pointer: string, value: unknown): void {
  const segments = pointerSegments(pointer);
  const last = segments.pop();
  let node: unknown = root;
  for (const segment of segments) node = isSchemaObject(node) ? node[segment] : undefined;
  if (last !== undefined && isSchemaObject(node) && last in node) node[last] = value;
}
