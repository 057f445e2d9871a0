import { MergeConflict } from '../errors';
import { isSchemaObject, type SchemaObject } from './types';

// Thrown when allOf members contradict each other; it lives with every other error class, and is
// re-exported here for the callers that catch it.
export { MergeConflict };

const ANNOTATIONS = new Set(['description', 'title', 'examples', 'default', '$comment']);
const LOWER_BOUNDS = new Set(['minimum', 'exclusiveMinimum', 'minLength', 'minItems', 'minProperties']);
const UPPER_BOUNDS = new Set(['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems', 'maxProperties']);

/**
 * Rewrites every `allOf` as the single schema it means, recursively, so generators and path
 * listings see one flat object per level. Validation is unchanged: the merge is the conjunction.
 */
export function flattenAllOf(schema: unknown, at = '#'): unknown {
  if (!isSchemaObject(schema)) return schema;
  const { allOf, ...own } = schema;
  const flatOwn = flattenChildren(own, at);
  if (!Array.isArray(allOf)) return flatOwn;
  allOf.forEach((part, i) => {
    // A recursive reference left as `$ref` cannot be merged: its siblings would be ignored.
    if (isSchemaObject(part) && typeof part.$ref === 'string') throw new MergeConflict(`${at}/allOf/${i}: a schema cannot be part of its own allOf (recursive $ref ${part.$ref})`);
  });
  return allOf
    .map((part, i) => flattenAllOf(part, `${at}/allOf/${i}`))
    .reduce<SchemaObject>((merged, part, i) => mergeSchemas(merged, part as SchemaObject, `${at}/allOf/${i}`), flatOwn);
}

function flattenChildren(schema: SchemaObject, at: string): SchemaObject {
  const out: SchemaObject = { ...schema };
  if (isSchemaObject(schema.properties)) {
    out.properties = Object.fromEntries(
      Object.entries(schema.properties).map(([name, sub]) => [name, flattenAllOf(sub, `${at}/properties/${name}`)]),
    );
  }
  if (isSchemaObject(schema.definitions)) {
    out.definitions = Object.fromEntries(
      Object.entries(schema.definitions).map(([name, sub]) => [name, flattenAllOf(sub, `${at}/definitions/${name}`)]),
    );
  }
  for (const key of ['items', 'additionalProperties', 'not'] as const) {
    if (isSchemaObject(schema[key])) out[key] = flattenAllOf(schema[key], `${at}/${key}`);
  }
  for (const key of ['oneOf', 'anyOf'] as const) {
    const list = schema[key];
    if (Array.isArray(list)) out[key] = list.map((sub, i) => flattenAllOf(sub, `${at}/${key}/${i}`));
  }
  return out;
}

/** The conjunction of two flat schemas as one schema. */
export function mergeSchemas(a: SchemaObject, b: SchemaObject, at: string): SchemaObject {
  const out: SchemaObject = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const existing = out[key];
    if (existing === undefined) {
      out[key] = value;
    } else if (ANNOTATIONS.has(key)) {
      continue; // the first description wins; annotations do not constrain
    } else if (key === 'deprecated') {
      out[key] = existing === true || value === true;
    } else if (key === 'type') {
      out[key] = intersectTypes(existing, value, at);
    } else if (key === 'properties') {
      out[key] = mergeProperties(existing as SchemaObject, value as SchemaObject, at);
    } else if (key === 'required') {
      out[key] = [...new Set([...(existing as string[]), ...(value as string[])])];
    } else if (key === 'enum') {
      const allowed = value as unknown[];
      const both = (existing as unknown[]).filter((v) => allowed.some((w) => sameJson(v, w)));
      if (both.length === 0) throw new MergeConflict(`${at}: enums ${JSON.stringify(existing)} and ${JSON.stringify(value)} share no value`);
      out[key] = both;
    } else if (LOWER_BOUNDS.has(key)) {
      out[key] = Math.max(existing as number, value as number);
    } else if (UPPER_BOUNDS.has(key)) {
      out[key] = Math.min(existing as number, value as number);
    } else if (key === 'additionalProperties' && (existing === true || value === true)) {
      out[key] = existing === true ? value : existing;
    } else if (key === 'items' && isSchemaObject(existing) && isSchemaObject(value)) {
      out[key] = mergeSchemas(existing, value, `${at}/items`);
    } else if (!sameJson(existing, value)) {
      throw new MergeConflict(`${at}: cannot combine ${key} ${JSON.stringify(existing)} with ${JSON.stringify(value)}`);
    }
  }
  return out;
}

function mergeProperties(a: SchemaObject, b: SchemaObject, at: string): SchemaObject {
  const out: SchemaObject = { ...a };
  for (const [name, schema] of Object.entries(b)) {
    const existing = out[name];
    out[name] = isSchemaObject(existing) && isSchemaObject(schema) ? mergeSchemas(existing, schema, `${at}/properties/${name}`) : schema;
  }
  return out;
}

function intersectTypes(a: unknown, b: unknown, at: string): string | string[] {
  const left = new Set(Array.isArray(a) ? (a as string[]) : [a as string]);
  const right = new Set(Array.isArray(b) ? (b as string[]) : [b as string]);
  const both = [...left].filter((t) => right.has(t));
  // integer is a subtype of number
  if (left.has('number') && right.has('integer') && !both.includes('integer')) both.push('integer');
  if (right.has('number') && left.has('integer') && !both.includes('integer')) both.push('integer');
  if (both.length === 0) throw new MergeConflict(`${at}: types ${JSON.stringify(a)} and ${JSON.stringify(b)} share nothing`);
  return both.length === 1 ? (both[0] as string) : both;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
