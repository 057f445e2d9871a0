import { isSchemaObject, type SchemaObject } from './types';
import { NUMERIC_FORMATS } from './numericFormats';

// OpenAPI-only keywords with no meaning for validation or generation.
const DROPPED = new Set(['discriminator', 'xml', 'externalDocs', 'readOnly', 'writeOnly', 'nullable', 'example']);
const SUBSCHEMA_MAPS = new Set(['properties', 'patternProperties', 'definitions', '$defs']);
const SUBSCHEMA_LISTS = new Set(['allOf', 'anyOf', 'oneOf']);
const SUBSCHEMAS = new Set(['items', 'additionalProperties', 'not']);

/**
 * Converts an OpenAPI 3.0 schema (refs already inlined) to JSON Schema draft-07 with the same meaning:
 * `nullable` adds null, numeric formats become ranges, `example` becomes `examples`, boolean
 * `exclusiveMinimum`/`exclusiveMaximum` become numbers, vendor `x-` keys are dropped.
 */
export function openapiToJsonSchema(schema: unknown): unknown {
  if (!isSchemaObject(schema)) return schema;
  const out: SchemaObject = {};
  for (const [key, value] of Object.entries(schema)) {
    if (DROPPED.has(key) || key.startsWith('x-')) continue;
    if (SUBSCHEMA_MAPS.has(key) && isSchemaObject(value)) {
      out[key] = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, openapiToJsonSchema(sub)]));
    } else if (SUBSCHEMA_LISTS.has(key) && Array.isArray(value)) {
      out[key] = value.map(openapiToJsonSchema);
    } else if (SUBSCHEMAS.has(key) && isSchemaObject(value)) {
      out[key] = openapiToJsonSchema(value);
    } else {
      out[key] = value;
    }
  }
  if (schema.example !== undefined && out.examples === undefined) out.examples = [schema.example];
  applyNumericFormat(out);
  applyExclusiveBounds(out);
  if (schema.nullable === true) applyNullable(out);
  return out;
}

function applyNumericFormat(out: SchemaObject): void {
  const range = typeof out.format === 'string' ? NUMERIC_FORMATS[out.format] : undefined;
  if (range === undefined || (out.type !== 'integer' && out.type !== 'number')) return;
  if (typeof out.minimum !== 'number' || out.minimum < range.minimum) out.minimum = range.minimum;
  if (typeof out.maximum !== 'number' || out.maximum > range.maximum) out.maximum = range.maximum;
}

function applyExclusiveBounds(out: SchemaObject): void {
  if (out.exclusiveMinimum === true && typeof out.minimum === 'number') {
    out.exclusiveMinimum = out.minimum;
    delete out.minimum;
  } else if (typeof out.exclusiveMinimum === 'boolean') delete out.exclusiveMinimum;
  if (out.exclusiveMaximum === true && typeof out.maximum === 'number') {
    out.exclusiveMaximum = out.maximum;
    delete out.maximum;
  } else if (typeof out.exclusiveMaximum === 'boolean') delete out.exclusiveMaximum;
}

/**
 * `nullable: true` adds null to the allowed types. With an `enum`, the enum still lists every
 * allowed value: OpenAPI 3.0.3 says nullable only widens `type`, and an `enum` is a separate
 * constraint that null must also meet (the OpenAPI TSC's reading, "Clarify nullable", proposal 003).
 * So `{enum: [A, B], nullable: true}` allows A and B only; null is allowed when the enum lists it.
 */
function applyNullable(out: SchemaObject): void {
  if (Array.isArray(out.enum) && !out.enum.includes(null)) return;
  if (typeof out.type === 'string') out.type = [out.type, 'null'];
  else if (Array.isArray(out.type) && !out.type.includes('null')) out.type = [...(out.type as unknown[]), 'null'];
}
