import { isSchemaObject } from '../spec/types';
import { escapePointerSegment } from '../jsonPointer';

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
