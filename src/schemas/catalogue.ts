import { SpecInvalidError, UnknownEventTypeError } from '../errors';
import { applyErrata } from '../spec/applyErrata';
import type { Defect } from '../spec/errata';
import { findEventRoot, schemasOf } from '../spec/eventRoot';
import { inlineRefs } from '../spec/refs';
import { isSchemaObject, type SchemaObject, type SpecDocument } from '../spec/types';
import { fieldPaths } from './schemaFields';
import { flattenAllOf, MergeConflict } from '../spec/flattenAllOf';
import { openapiToJsonSchema } from '../spec/openapiToJsonSchema';
import { gridx } from '../contract/gridx';

/** One event type of the spec, with the self-contained JSON Schema of its whole request body. */
export interface EventType {
  /** The discriminator value, e.g. "ev/plugged". */
  readonly type: string;
  /** The spec schema it maps to, e.g. "EVPluggedEvent". */
  readonly schemaName: string;
  readonly deprecated: boolean;
  /** Draft-07 JSON Schema of the body (envelope + data), allOf flattened, refs inlined. */
  readonly schema: SchemaObject;
  /** JSON pointers of fields always present in a valid event. */
  readonly requiredPaths: readonly string[];
  /** JSON pointers of fields a valid event may leave out. */
  readonly optionalPaths: readonly string[];
}

/** Everything the engine knows about a spec: its event types, corrected as the errata say. */
export interface EventCatalogue {
  readonly spec: { readonly path: string; readonly sha256: string };
  /** The envelope property that names the event type ("type"). */
  readonly discriminator: string;
  /** The request body's media type after corrections ("application/json"). */
  readonly mediaType: string;
  /** Name and grammar of the signature header, from the spec's parameters when it has them. */
  readonly signatureHeader: { readonly name: string; readonly pattern: string | undefined };
  /** Every event type, sorted by name. */
  readonly types: readonly EventType[];
  /** The spec defects that were corrected while building this catalogue. */
  readonly corrected: readonly Defect[];
  has(type: string): boolean;
  /** Throws UnknownEventTypeError for a type the spec does not define. */
  get(type: string): EventType;
}

/** Builds the event catalogue from a loaded spec. Works for any spec version: nothing is hard-coded. */
export function buildCatalogue(raw: SpecDocument): EventCatalogue {
  const { spec, corrected } = applyErrata(raw);
  const root = findEventRoot(spec);
  const schemas = schemasOf(spec);
  const types = Object.entries(root.mapping)
    .map(([type, schemaName]) => buildEventType(spec, schemas, root.propertyName, type, schemaName))
    .sort((a, b) => (a.type < b.type ? -1 : a.type > b.type ? 1 : 0));
  const byType = new Map(types.map((t) => [t.type, t]));
  return {
    spec: { path: raw.path, sha256: raw.sha256 },
    discriminator: root.propertyName,
    mediaType: requestMediaType(spec) ?? 'application/json',
    signatureHeader: signatureHeader(spec),
    types,
    corrected,
    has: (type) => byType.has(type),
    get(type) {
      const found = byType.get(type);
      if (found === undefined) throw new UnknownEventTypeError(type, [...byType.keys()]);
      return found;
    },
  };
}

function buildEventType(spec: SpecDocument, schemas: Record<string, SchemaObject>, discriminator: string, type: string, schemaName: string): EventType {
  const source = schemas[schemaName];
  if (!isSchemaObject(source)) {
    throw new SpecInvalidError(spec.path, `discriminator maps "${type}" to missing schema "${schemaName}"`);
  }
  let flat: SchemaObject;
  try {
    flat = flattenAllOf(openapiToJsonSchema(inlineRefs(spec, source))) as SchemaObject;
  } catch (error) {
    if (error instanceof MergeConflict) throw new SpecInvalidError(spec.path, `schema ${schemaName}: ${error.message}`);
    throw error;
  }
  const properties = isSchemaObject(flat.properties) ? flat.properties : {};
  // Each type's schema accepts exactly its own discriminator value.
  const discriminatorSchema: SchemaObject = { ...(isSchemaObject(properties[discriminator]) ? properties[discriminator] : {}), type: 'string', const: type };
  delete discriminatorSchema.enum;
  const schema: SchemaObject = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: `hookproof:event:${type}`,
    title: type,
    ...flat,
    type: 'object',
    properties: { ...properties, [discriminator]: discriminatorSchema },
    required: [...new Set([...(Array.isArray(flat.required) ? (flat.required as string[]) : []), discriminator])],
  };
  const paths = fieldPaths(schema);
  return {
    type,
    schemaName,
    deprecated: schema.deprecated === true,
    schema,
    requiredPaths: paths.required,
    optionalPaths: paths.optional,
  };
}

function requestMediaType(spec: SpecDocument): string | undefined {
  const bodies = (spec.document.components as SchemaObject).requestBodies;
  if (!isSchemaObject(bodies)) return undefined;
  for (const body of Object.values(bodies)) {
    if (isSchemaObject(body) && isSchemaObject(body.content)) return Object.keys(body.content)[0];
  }
  return undefined;
}

function signatureHeader(spec: SpecDocument): EventCatalogue['signatureHeader'] {
  const parameters = (spec.document.components as SchemaObject).parameters;
  if (isSchemaObject(parameters)) {
    for (const parameter of Object.values(parameters)) {
      if (isSchemaObject(parameter) && parameter.in === 'header' && typeof parameter.name === 'string' && /signature/i.test(parameter.name)) {
        const schema = isSchemaObject(parameter.schema) ? parameter.schema : {};
        return { name: parameter.name, pattern: typeof schema.pattern === 'string' ? schema.pattern : undefined };
      }
    }
  }
  return { name: gridx.signature.header, pattern: undefined };
}
