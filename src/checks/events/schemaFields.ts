import { isSchemaObject, type SchemaObject } from '../../spec/types';
import { escapePointerSegment } from '../../jsonPointer';

/** One property an event schema describes, found by walking `properties` (not arrays or unions). */
export interface SchemaField {
  /** JSON pointer of the field in an event, e.g. `/data/state`. */
  readonly pointer: string;
  readonly schema: SchemaObject;
  /** Whether the parent object requires it (it may still sit below an optional parent). */
  readonly requiredInParent: boolean;
}

/** Every described property of an object schema, parents before children. */
export function schemaFields(schema: SchemaObject, pointer = ''): SchemaField[] {
  if (!isSchemaObject(schema.properties)) return [];
  const required = new Set(Array.isArray(schema.required) ? (schema.required as unknown[]) : []);
  return Object.entries(schema.properties).flatMap(([name, sub]) => {
    if (!isSchemaObject(sub)) return [];
    const field: SchemaField = { pointer: `${pointer}/${escapePointerSegment(name)}`, schema: sub, requiredInParent: required.has(name) };
    return [field, ...schemaFields(sub, field.pointer)];
  });
}

/**
 * Pointers of the properties of `value` that its schema does not describe, at every level the
 * schema describes (free-form objects have no unknown properties).
 */
export function unknownPropertyPointers(schema: unknown, value: unknown, pointer = ''): string[] {
  if (!isSchemaObject(schema) || !isSchemaObject(schema.properties) || !isSchemaObject(value)) return [];
  const properties = schema.properties;
  return Object.entries(value).flatMap(([name, sub]) => {
    const path = `${pointer}/${escapePointerSegment(name)}`;
    return name in properties ? unknownPropertyPointers(properties[name], sub, path) : [path];
  });
}

/** Names a list of pointers in a label, at most `max` of them. */
export function listPointers(pointers: readonly string[], max = 6): string {
  const shown = pointers.slice(0, max).join(', ');
  return pointers.length > max ? `${shown} and ${pointers.length - max} more` : shown;
}
