import { isSchemaObject, type SchemaObject } from '../spec/types';

export interface SchemaTypesOptions {
  /**
   * For a schema without a `type` keyword, the type its other keywords are written for
   * (`properties` or `required`: object; `items`: array), as a generator or a type emitter needs
   * it. Off by default: such a schema allows any type, and the answer is empty.
   */
  readonly inferred?: boolean;
}

/**
 * Which JSON types a schema allows: the names its `type` keyword gives (one, or those of an
 * array); empty when it has none, meaning any type. `null` is among them when the schema is
 * nullable (the catalogue turns OpenAPI's `nullable` into a `null` type).
 */
export function schemaTypes(schema: SchemaObject, options: SchemaTypesOptions = {}): string[] {
  if (Array.isArray(schema.type)) return (schema.type as unknown[]).filter((t): t is string => typeof t === 'string');
  if (typeof schema.type === 'string') return [schema.type];
  if (options.inferred !== true) return [];
  if (isSchemaObject(schema.properties) || Array.isArray(schema.required)) return ['object'];
  if (schema.items !== undefined) return ['array'];
  return [];
}
