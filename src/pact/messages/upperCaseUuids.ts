import { isSchemaObject } from '../../spec/types';

/**
 * `value` with every string whose schema has `format: uuid` upper-cased. The spec's uuid format
 * (RFC 4122, as ajv-formats reads it) allows upper-case hex, so gridX may send it; the engine's
 * generators write lower case, so a receiver's rule that only accepts lower case would go unseen.
 */
export function upperCaseUuids(schema: unknown, value: unknown): unknown {
  if (!isSchemaObject(schema)) return value;
  if (typeof value === 'string') return schema.format === 'uuid' ? value.toUpperCase() : value;
  if (Array.isArray(value)) return value.map((item) => upperCaseUuids(schema.items, item));
  if (!isSchemaObject(value)) return value;
  const properties = isSchemaObject(schema.properties) ? schema.properties : {};
  return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, upperCaseUuids(properties[key], child)]));
}
