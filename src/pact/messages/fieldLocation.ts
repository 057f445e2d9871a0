import { isSchemaObject, type SchemaObject } from '../../spec/types';
import { pointerSegments } from '../../jsonPointer';

/**
 * What the spec promises about a field of an event type: always there (`required`), there only
 * sometimes (`optional`: the field or one of its parents may be left out), or not described at
 * all (`absent`).
 */
export type FieldPromise = 'required' | 'optional' | 'absent';

export interface FieldLocation {
  readonly pointer: string;
  readonly promise: FieldPromise;
  /** The field's schema; undefined when the spec does not describe the field. */
  readonly schema: SchemaObject | undefined;
}

/**
 * Finds a field (a JSON pointer into an event) in an event type's flat schema (`EventType.schema`). Agrees with the
 * catalogue's requiredPaths/optionalPaths for described properties, and also walks array items,
 * a map's `additionalProperties` schema and `oneOf`/`anyOf` branches (all of which are optional).
 */
export function locateField(eventSchema: SchemaObject, pointer: string): FieldLocation {
  let schema: SchemaObject = eventSchema;
  let required = true;
  for (const segment of pointerSegments(pointer)) {
    const step = childOf(schema, segment);
    if (step === undefined) return { pointer, promise: 'absent', schema: undefined };
    schema = step.schema;
    required = required && step.required;
  }
  return { pointer, promise: required ? 'required' : 'optional', schema };
}

function childOf(schema: SchemaObject, segment: string): { schema: SchemaObject; required: boolean } | undefined {
  if (isSchemaObject(schema.properties) && Object.hasOwn(schema.properties, segment)) {
    const child = schema.properties[segment];
    const required = Array.isArray(schema.required) && (schema.required as unknown[]).includes(segment);
    return { schema: isSchemaObject(child) ? child : {}, required };
  }
  if (isSchemaObject(schema.items) && /^(0|[1-9][0-9]*)$/.test(segment)) {
    const minItems = typeof schema.minItems === 'number' ? schema.minItems : 0;
    return { schema: schema.items, required: Number(segment) < minItems };
  }
  if (isSchemaObject(schema.additionalProperties)) return { schema: schema.additionalProperties, required: false };
  for (const key of ['oneOf', 'anyOf'] as const) {
    const branches = schema[key];
    if (!Array.isArray(branches)) continue;
    for (const branch of branches) {
      const found = isSchemaObject(branch) ? childOf(branch, segment) : undefined;
      if (found !== undefined) return { schema: found.schema, required: false };
    }
  }
  return undefined;
}
