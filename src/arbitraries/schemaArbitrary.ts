import { schemaTypes } from '../schemas/schemaTypes';
import fc from 'fast-check';
import { SpecInvalidError } from '../errors';
import { isSchemaObject, type SchemaObject } from '../spec/types';
import { formatArbitrary } from './formats';
import { jsonValueArbitrary, ordinaryKeyArbitrary } from './jsonValue';
import { integerArbitrary, numberArbitrary } from './numbers';
import { textArbitrary } from './strings';
import { escapePointerSegment, unescapePointerSegment } from '../jsonPointer';

/** How optional properties appear in generated objects. */
export type Presence = 'random' | 'minimal' | 'full';

export interface SchemaArbitraryOptions {
  readonly presence: Presence;
  /** Add unknown properties to objects that allow them (tolerant-reader checks). */
  readonly extraProperties: boolean;
  /** JSON pointers of optional properties that must be present (to reach a nested field). */
  readonly forcePresent?: ReadonlySet<string>;
  /** The root schema's `definitions`, where recursive schemas live (`{$ref: "#/definitions/Node"}`). */
  readonly definitions?: Readonly<Record<string, unknown>>;
  /** How many recursive references lead here; deeper than RECURSION_DEPTH, only what is required. */
  readonly refDepth?: number;
}

/** Levels of a recursive schema generated with optional parts; below, only required ones. */
const RECURSION_DEPTH = 2;
/** A recursion still required this deep is required at every level: no finite value exists. */
const RECURSION_LIMIT = 12;

/**
 * A fast-check arbitrary for the values a (flat, draft-07) JSON Schema accepts. Every keyword the
 * converted gridX schemas use is honoured; nothing here knows a field or type name.
 */
export function schemaArbitrary(schema: unknown, givenOptions: SchemaArbitraryOptions, pointer = ''): fc.Arbitrary<unknown> {
  if (!isSchemaObject(schema)) return jsonValueArbitrary();
  const options = givenOptions.definitions === undefined && isSchemaObject(schema.definitions) ? { ...givenOptions, definitions: schema.definitions } : givenOptions;
  if (typeof schema.$ref === 'string') return recursiveArbitrary(schema.$ref, options, pointer);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  for (const key of ['oneOf', 'anyOf'] as const) {
    const branches = schema[key];
    if (Array.isArray(branches) && branches.length > 0) {
      const { [key]: _branches, ...rest } = schema;
      return fc.oneof(...branches.map((branch) => schemaArbitrary({ ...rest, ...(branch as SchemaObject) }, options, pointer)));
    }
  }
  const types = schemaTypes(schema, { inferred: true });
  if (types.length === 0) return jsonValueArbitrary();
  const arbitraries = types.map((type) => ({ weight: type === 'null' ? 1 : 4, arbitrary: forType(type, schema, options, pointer) }));
  return arbitraries.length === 1 && arbitraries[0] !== undefined ? arbitraries[0].arbitrary : fc.oneof(...arbitraries);
}

/** A recursive schema's next level: with optional parts near the top, only required ones below. */
function recursiveArbitrary(ref: string, options: SchemaArbitraryOptions, pointer: string): fc.Arbitrary<unknown> {
  const name = ref.startsWith('#/definitions/') ? unescapePointerSegment(ref.slice('#/definitions/'.length)) : undefined;
  const target = name === undefined ? undefined : options.definitions?.[name];
  if (target === undefined) throw new SpecInvalidError(ref, 'a recursive reference names no definition');
  const refDepth = (options.refDepth ?? 0) + 1;
  if (refDepth > RECURSION_LIMIT) throw new SpecInvalidError(ref, 'every level of this recursive schema requires the next, so no finite event exists');
  return schemaArbitrary(target, { ...options, refDepth, ...(refDepth > RECURSION_DEPTH ? { presence: 'minimal' as const } : {}) }, pointer);
}

function forType(type: string, schema: SchemaObject, options: SchemaArbitraryOptions, pointer: string): fc.Arbitrary<unknown> {
  switch (type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return integerArbitrary(schema);
    case 'number':
      return numberArbitrary(schema);
    case 'string':
      return stringArbitrary(schema);
    case 'array':
      return arrayArbitrary(schema, options, pointer);
    case 'object':
      return objectArbitrary(schema, options, pointer);
    default:
      return jsonValueArbitrary();
  }
}

function stringArbitrary(schema: SchemaObject): fc.Arbitrary<string> {
  const formatted = typeof schema.format === 'string' ? formatArbitrary(schema.format) : undefined;
  if (formatted !== undefined) return formatted;
  if (typeof schema.pattern === 'string') return fc.stringMatching(new RegExp(schema.pattern, 'u'));
  return textArbitrary({
    ...(typeof schema.minLength === 'number' ? { minLength: schema.minLength } : {}),
    ...(typeof schema.maxLength === 'number' ? { maxLength: schema.maxLength } : {}),
  });
}

function arrayArbitrary(schema: SchemaObject, options: SchemaArbitraryOptions, pointer: string): fc.Arbitrary<unknown[]> {
  const minLength = typeof schema.minItems === 'number' ? schema.minItems : 0;
  // Inside a deep recursion an optional list stays empty, so generation ends.
  if ((options.refDepth ?? 0) > RECURSION_DEPTH && minLength === 0) return fc.constant([]);
  const item = schemaArbitrary(schema.items, options, `${pointer}/0`);
  const maxLength = typeof schema.maxItems === 'number' ? schema.maxItems : Math.max(minLength, 4);
  return schema.uniqueItems === true ? fc.uniqueArray(item, { minLength, maxLength, selector: (v) => JSON.stringify(v) }) : fc.array(item, { minLength, maxLength });
}

function objectArbitrary(schema: SchemaObject, options: SchemaArbitraryOptions, pointer: string): fc.Arbitrary<Record<string, unknown>> {
  const properties = isSchemaObject(schema.properties) ? schema.properties : {};
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  const present: string[] = [];
  for (const [name, sub] of Object.entries(properties)) {
    const path = `${pointer}/${escapePointerSegment(name)}`;
    const forced = required.has(name) || options.forcePresent?.has(path) === true;
    if (!forced && options.presence === 'minimal') continue;
    model[name] = schemaArbitrary(sub, options, path);
    if (forced || options.presence === 'full') present.push(name);
  }
  // Required properties the schema does not describe can hold anything.
  for (const name of required) {
    if (!(name in model)) {
      model[name] = jsonValueArbitrary();
      present.push(name);
    }
  }
  const record = fc.record(model, { requiredKeys: present, noNullPrototype: true });
  const allowsMore = schema.additionalProperties !== false;
  const freeForm = Object.keys(properties).length === 0 && allowsMore;
  if (!freeForm && !(options.extraProperties && allowsMore)) return record;
  const extras = fc.dictionary(
    ordinaryKeyArbitrary().filter((key) => !(key in properties)),
    jsonValueArbitrary(),
    {
      minKeys: freeForm && !options.extraProperties ? 0 : 1,
      maxKeys: 3,
      noNullPrototype: true,
    },
  );
  return fc.tuple(record, extras).map(([known, extra]) => ({ ...known, ...extra }));
}
