import { SpecInvalidError } from '../errors';
import { schemaNameOfRef } from './refs';
import { isSchemaObject, type SchemaObject, type SpecDocument } from './types';

/** Where the events are described: the request body schema and its discriminator. */
export interface EventRoot {
  /** Name of the request body schema under components.schemas (e.g. WebhookEventRequest). */
  readonly rootName: string;
  /** The property that selects the event's schema ("type"). */
  readonly propertyName: string;
  /** Event type → schema name, as the spec's discriminator mapping says (or derived from oneOf). */
  readonly mapping: Readonly<Record<string, string>>;
  /** Schema names listed in the root's oneOf. */
  readonly oneOf: readonly string[];
}

export function schemasOf(spec: SpecDocument): Record<string, SchemaObject> {
  const components = spec.document.components as SchemaObject;
  return components.schemas as Record<string, SchemaObject>;
}

/**
 * Finds the event root: the schema a request body refers to, or else the first schema with a
 * discriminator. Nothing here knows today's type names.
 */
export function findEventRoot(spec: SpecDocument): EventRoot {
  const schemas = schemasOf(spec);
  const rootName = requestBodyRoot(spec) ?? Object.keys(schemas).find((name) => isSchemaObject(schemas[name]?.discriminator));
  if (rootName === undefined) {
    throw new SpecInvalidError(spec.path, 'no event schema found (no request body schema and no schema with a discriminator)');
  }
  const root = schemas[rootName];
  if (!isSchemaObject(root)) {
    throw new SpecInvalidError(spec.path, `request body refers to missing schema "${rootName}"`);
  }
  const oneOf = (Array.isArray(root.oneOf) ? root.oneOf : [])
    .map((member: unknown) => (isSchemaObject(member) && typeof member.$ref === 'string' ? schemaNameOfRef(member.$ref) : undefined))
    .filter((name): name is string => name !== undefined);
  const discriminator = isSchemaObject(root.discriminator) ? root.discriminator : {};
  const propertyName = typeof discriminator.propertyName === 'string' ? discriminator.propertyName : 'type';
  const mapping = isSchemaObject(discriminator.mapping)
    ? mappingFromDiscriminator(spec, discriminator.mapping)
    : mappingFromOneOf(schemas, oneOf, propertyName);
  if (Object.keys(mapping).length === 0) {
    throw new SpecInvalidError(spec.path, `schema "${rootName}" defines no event types (empty discriminator mapping and oneOf)`);
  }
  return { rootName, propertyName, mapping, oneOf };
}

function requestBodyRoot(spec: SpecDocument): string | undefined {
  const bodies = (spec.document.components as SchemaObject).requestBodies;
  if (!isSchemaObject(bodies)) return undefined;
  for (const body of Object.values(bodies)) {
    if (!isSchemaObject(body) || !isSchemaObject(body.content)) continue;
    for (const media of Object.values(body.content)) {
      const schema = isSchemaObject(media) ? media.schema : undefined;
      if (isSchemaObject(schema) && typeof schema.$ref === 'string') {
        const name = schemaNameOfRef(schema.$ref);
        if (name !== undefined) return name;
      }
    }
  }
  return undefined;
}

function mappingFromDiscriminator(spec: SpecDocument, raw: SchemaObject): Record<string, string> {
  const mapping: Record<string, string> = {};
  for (const [type, target] of Object.entries(raw)) {
    // OpenAPI allows a bare schema name as well as a $ref string.
    const name = typeof target === 'string' ? (schemaNameOfRef(target) ?? target) : undefined;
    if (name === undefined) throw new SpecInvalidError(spec.path, `discriminator mapping for "${type}" is not a string`);
    mapping[type] = name;
  }
  return mapping;
}

/** Without an explicit mapping, each oneOf member's `type` enum (or const) names its types. */
function mappingFromOneOf(schemas: Record<string, SchemaObject>, oneOf: readonly string[], propertyName: string): Record<string, string> {
  const mapping: Record<string, string> = {};
  for (const name of oneOf) {
    for (const value of discriminatorValues(schemas, schemas[name], propertyName)) mapping[value] ??= name;
  }
  return mapping;
}

/** The values a schema allows for the discriminator property, looking through allOf. */
export function discriminatorValues(schemas: Record<string, SchemaObject>, schema: unknown, propertyName: string, seen = new Set<unknown>()): string[] {
  if (!isSchemaObject(schema) || seen.has(schema)) return [];
  seen.add(schema);
  if (typeof schema.$ref === 'string') {
    const name = schemaNameOfRef(schema.$ref);
    return name === undefined ? [] : discriminatorValues(schemas, schemas[name], propertyName, seen);
  }
  const values: string[] = [];
  const own = isSchemaObject(schema.properties) ? schema.properties[propertyName] : undefined;
  if (isSchemaObject(own)) {
    if (Array.isArray(own.enum)) values.push(...own.enum.filter((v): v is string => typeof v === 'string'));
    if (typeof own.const === 'string') values.push(own.const);
  }
  if (Array.isArray(schema.allOf)) {
    for (const part of schema.allOf) values.push(...discriminatorValues(schemas, part, propertyName, seen));
  }
  return values;
}
