import { schemaTypes } from '../../schemas/schemaTypes';
import { isSchemaObject, type SchemaObject } from '../../spec/types';
import type { MatchingRules, PactMatcher, RuleList } from './HttpPact';
import { alternationRegex, FORMAT_REGEXES, portablePattern } from '../regexes';

/**
 * Body matching rules for an example body, derived from its (flat, draft-07) JSON Schema: the
 * contract then states the shape gridX promises, not the example's values.
 *
 * - a `const` (the event's `type`) keeps its value: no rule, so Pact compares by equality;
 * - an enum of strings: an anchored regex alternation;
 * - `format` uuid, date-time, date: a regex; a portable `pattern`: that regex; other strings: type;
 * - integers: `integer`; numbers: `number` (not `decimal`, which refuses `5`, a valid number);
 * - booleans and anything the schema does not describe: type;
 * - a nullable leaf: its matcher OR `null`;
 * - objects: a rule per property present in the example; an object whose keys the schema leaves
 *   open (no `properties`), or an empty example object: type;
 * - arrays: type with the schema's item bounds, and the first item's rules under `[*]`.
 *
 * Rules follow the example: a property the example lacks gets no rule (Pact has no optional
 * keys), so examples should carry every optional field.
 */
export function bodyMatchingRules(schema: unknown, example: unknown): MatchingRules {
  const rules: Record<string, RuleList> = {};
  walk(schema, example, '$', rules);
  return rules;
}

function walk(schema: unknown, value: unknown, path: string, rules: Record<string, RuleList>): void {
  if (!isSchemaObject(schema) || Object.keys(schema).length === 0) {
    rules[path] = and(TYPE);
    return;
  }
  if (schema.const !== undefined) return;
  if (Array.isArray(value)) {
    walkArray(schema, value, path, rules);
    return;
  }
  if (isSchemaObject(value)) {
    walkObject(schema, value, path, rules);
    return;
  }
  const nonNull = schemaTypes(schema).filter((type) => type !== 'null');
  if (value === null) {
    const leaf = nonNull[0] === undefined ? undefined : leafMatcher(schema, nonNull[0]);
    rules[path] = leaf === undefined ? and(NULL) : or(leaf, NULL);
    return;
  }
  const leaf = leafMatcher(schema, jsonTypeOf(value, nonNull)) ?? TYPE;
  rules[path] = allowsNull(schema) ? or(leaf, NULL) : and(leaf);
}

function walkObject(schema: SchemaObject, value: Record<string, unknown>, path: string, rules: Record<string, RuleList>): void {
  const properties = isSchemaObject(schema.properties) ? schema.properties : {};
  if ((Object.keys(properties).length === 0 && schema.additionalProperties !== false) || Object.keys(value).length === 0) {
    // Keys the schema does not name, or an example without any (every field optional): only "an
    // object" can be promised.
    rules[path] = and(TYPE);
    return;
  }
  const extra = isSchemaObject(schema.additionalProperties) ? schema.additionalProperties : undefined;
  for (const [key, child] of Object.entries(value)) walk(properties[key] ?? extra, child, childPath(path, key), rules);
}

function walkArray(schema: SchemaObject, value: readonly unknown[], path: string, rules: Record<string, RuleList>): void {
  rules[path] = and({
    match: 'type',
    min: typeof schema.minItems === 'number' ? schema.minItems : 0,
    ...(typeof schema.maxItems === 'number' ? { max: schema.maxItems } : {}),
  });
  if (value.length > 0) walk(schema.items, value[0], `${path}[*]`, rules);
}

/** The matcher of a non-object, non-array value of JSON Schema type `type`. */
function leafMatcher(schema: SchemaObject, type: string): PactMatcher | undefined {
  const strings = Array.isArray(schema.enum) ? (schema.enum as unknown[]).filter((v) => v !== null) : undefined;
  if (strings !== undefined && strings.length > 0 && strings.every((v): v is string => typeof v === 'string')) {
    return { match: 'regex', regex: alternationRegex(strings) };
  }
  switch (type) {
    case 'string': {
      const formatRegex = typeof schema.format === 'string' ? FORMAT_REGEXES[schema.format] : undefined;
      const pattern = typeof schema.pattern === 'string' ? portablePattern(schema.pattern) : undefined;
      const regex = formatRegex ?? pattern;
      return regex === undefined ? TYPE : { match: 'regex', regex };
    }
    case 'integer':
      return { match: 'integer' };
    case 'number':
      return { match: 'number' };
    case 'boolean':
      // Not Pact's `boolean` matcher: that one also accepts the strings "true" and "false".
      return TYPE;
    default:
      return undefined;
  }
}

/** The schema type a value is an instance of, preferring `number` over `integer` when both are allowed. */
function jsonTypeOf(value: unknown, allowed: readonly string[]): string {
  if (typeof value === 'number') {
    if (allowed.includes('number') || !allowed.includes('integer')) return 'number';
    return 'integer';
  }
  return typeof value;
}

function allowsNull(schema: SchemaObject): boolean {
  return schemaTypes(schema).includes('null') || (Array.isArray(schema.enum) && schema.enum.includes(null));
}

/** `$.data.systemID`, or `$.data['odd key']` for a key that is not a plain identifier. */
export function childPath(path: string, key: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? `${path}.${key}` : `${path}['${key.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}']`;
}

const TYPE: PactMatcher = { match: 'type' };
const NULL: PactMatcher = { match: 'null' };

function and(...matchers: PactMatcher[]): RuleList {
  return { combine: 'AND', matchers };
}

function or(...matchers: PactMatcher[]): RuleList {
  return { combine: 'OR', matchers };
}
