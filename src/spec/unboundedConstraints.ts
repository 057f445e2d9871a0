import { escapePointerSegment } from '../jsonPointer';
import type { Defect } from './errata/erratum';
import { isSchemaObject, type SchemaObject, type SpecDocument } from './types';

/** The longest string hookproof generates (EVT-4's very long strings are this long); gridX events are a few KB. */
export const MAX_GENERATED_STRING = 10_000;
/** The most items hookproof puts into one generated array. */
export const MAX_GENERATED_ITEMS = 1_000;
/** Integers are generated within int64, the widest integer format of the spec. */
const INT64 = 2 ** 63;

const DATA_KEYWORDS = new Set(['examples', 'example', 'enum', 'const', 'default']);
const NAME_MAPS = new Set(['properties', 'patternProperties', 'definitions', '$defs']);

/**
 * Constraints no generator can meet in bounded work: a length, item count or numeric range that
 * nothing satisfies (minLength above maxLength, minimum above maximum), or whose smallest value is
 * already beyond what an event can hold (minLength 15000, minItems 1e8, integer bounds beyond
 * int64). Each is one defect with its pointer; the spec loader refuses the spec on the first
 * (lint-spec lists it as does-not-load), so generation never loops or runs out of memory.
 */
export function unboundedConstraints(spec: SpecDocument): Defect[] {
  const defects: Defect[] = [];
  const visit = (node: unknown, pointer: string): void => {
    if (Array.isArray(node)) {
      node.forEach((item, n) => visit(item, `${pointer}/${n}`));
      return;
    }
    if (!isSchemaObject(node)) return;
    defects.push(...defectsOf(node, pointer));
    for (const [key, value] of Object.entries(node)) {
      const here = `${pointer}/${escapePointerSegment(key)}`;
      if (NAME_MAPS.has(key) && isSchemaObject(value)) {
        for (const [name, schema] of Object.entries(value)) visit(schema, `${here}/${escapePointerSegment(name)}`);
      } else if (!DATA_KEYWORDS.has(key)) visit(value, here);
    }
  };
  const components = spec.document.components;
  const schemas = isSchemaObject(components) ? components.schemas : undefined;
  if (isSchemaObject(schemas)) for (const [name, schema] of Object.entries(schemas)) visit(schema, `/components/schemas/${escapePointerSegment(name)}`);
  return defects;
}

function defectsOf(schema: SchemaObject, pointer: string): Defect[] {
  const defects: Defect[] = [];
  const defect = (code: string, message: string): void => {
    defects.push({ code, pointer, message: `${pointer}: ${message}` });
  };
  const count = (key: string): number | undefined => {
    const value = schema[key];
    if (value === undefined) return undefined;
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
      defect('bad-constraint', `${key} must be a non-negative whole number, got ${JSON.stringify(value)}`);
      return undefined;
    }
    return value;
  };
  const minLength = count('minLength');
  const maxLength = count('maxLength');
  if (minLength !== undefined && maxLength !== undefined && minLength > maxLength) defect('unsatisfiable', `minLength ${minLength} is above maxLength ${maxLength}: no string fits`);
  else if (minLength !== undefined && minLength > MAX_GENERATED_STRING)
    defect('unbounded', `minLength ${minLength} is above the ${MAX_GENERATED_STRING} characters hookproof generates (gridX events are a few KB)`);
  const minItems = count('minItems');
  const maxItems = count('maxItems');
  if (minItems !== undefined && maxItems !== undefined && minItems > maxItems) defect('unsatisfiable', `minItems ${minItems} is above maxItems ${maxItems}: no array fits`);
  else if (minItems !== undefined && minItems > MAX_GENERATED_ITEMS) defect('unbounded', `minItems ${minItems} is above the ${MAX_GENERATED_ITEMS} items hookproof generates in one array`);
  defects.push(...rangeDefects(schema, pointer));
  return defects;
}

function rangeDefects(schema: SchemaObject, pointer: string): Defect[] {
  const bound = (key: string): number | undefined | 'bad' => {
    const value = schema[key];
    if (value === undefined || typeof value === 'boolean') return undefined; // OpenAPI 3.0's boolean exclusiveMinimum modifies minimum
    return typeof value === 'number' && Number.isFinite(value) ? value : 'bad';
  };
  const keys = ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum'] as const;
  const values = keys.map(bound);
  const badAt = values.indexOf('bad');
  if (badAt >= 0) return [{ code: 'bad-constraint', pointer, message: `${pointer}: ${keys[badAt] ?? ''} must be a finite number, got ${JSON.stringify(schema[keys[badAt] ?? ''])}` }];
  const [minimum, maximum, exclusiveMinimum, exclusiveMaximum] = values as Array<number | undefined>;
  const lowest = Math.max(minimum ?? -Infinity, exclusiveMinimum ?? -Infinity);
  const highest = Math.min(maximum ?? Infinity, exclusiveMaximum ?? Infinity);
  const open = (exclusiveMinimum !== undefined && lowest === exclusiveMinimum) || (exclusiveMaximum !== undefined && highest === exclusiveMaximum) || schema.exclusiveMinimum === true || schema.exclusiveMaximum === true;
  const integer = schema.type === 'integer';
  const empty = integer ? Math.ceil(lowest) > Math.floor(highest) || (open && lowest === highest) : lowest > highest || (open && lowest === highest);
  if (empty) return [{ code: 'unsatisfiable', pointer, message: `${pointer}: no ${integer ? 'integer' : 'number'} lies between ${lowest} and ${highest}` }];
  if (integer && (lowest > INT64 || highest < -INT64)) {
    return [{ code: 'unbounded', pointer, message: `${pointer}: integer range ${lowest}..${highest} lies outside int64, the widest integer hookproof generates` }];
  }
  return [];
}
