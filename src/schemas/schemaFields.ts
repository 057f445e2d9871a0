import { isSchemaObject, type SchemaObject } from '../spec/types';
import { escapePointerSegment } from '../jsonPointer';

/**
 * One field an event schema describes: a property of an object schema or, with `arrays`, a field
 * of an array's item (named through index 0, the first item: `/data/modules/0/index`).
 */
export interface SchemaField {
  /** JSON pointer of the field in an event, e.g. `/data/state`. */
  readonly pointer: string;
  readonly schema: SchemaObject;
  /** Whether the parent requires it (an array item: the array has `minItems` ≥ 1); it may still sit below an optional parent. */
  readonly requiredInParent: boolean;
  /** Whether every valid event has it: required in its parent, all the way up to the root. */
  readonly alwaysPresent: boolean;
  /** Whether it is an array item or sits below one. */
  readonly inArray: boolean;
}

export interface SchemaFieldOptions {
  /**
   * Also descend into arrays' `items` (default false). Off, only object properties are walked:
   * what the checks vary (absent optional fields, edge values) is addressed by property.
   */
  readonly arrays?: boolean;
}

/**
 * Every field of an object schema, parents before children (not `oneOf`/`anyOf` branches nor
 * `additionalProperties` maps: their fields are not fixed by the schema).
 */
export function schemaFields(schema: SchemaObject, options: SchemaFieldOptions = {}): SchemaField[] {
  return fieldsBelow(schema, { pointer: '', alwaysPresent: true, inArray: false }, options.arrays === true);
}

interface Parent {
  readonly pointer: string;
  readonly alwaysPresent: boolean;
  readonly inArray: boolean;
}

function fieldsBelow(schema: SchemaObject, parent: Parent, arrays: boolean): SchemaField[] {
  const children: SchemaField[] = [];
  if (isSchemaObject(schema.properties)) {
    const required = new Set(Array.isArray(schema.required) ? (schema.required as unknown[]) : []);
    for (const [name, sub] of Object.entries(schema.properties)) {
      if (isSchemaObject(sub)) children.push(field(parent, escapePointerSegment(name), sub, required.has(name), parent.inArray));
    }
  }
  if (arrays && isSchemaObject(schema.items)) {
    const minItems = typeof schema.minItems === 'number' ? schema.minItems : 0;
    children.push(field(parent, '0', schema.items, minItems >= 1, true));
  }
  return children.flatMap((child) => [child, ...fieldsBelow(child.schema, child, arrays)]);
}

function field(parent: Parent, segment: string, schema: SchemaObject, requiredInParent: boolean, inArray: boolean): SchemaField {
  return { pointer: `${parent.pointer}/${segment}`, schema, requiredInParent, alwaysPresent: parent.alwaysPresent && requiredInParent, inArray };
}

/** The fields of a schema as JSON pointers: those every valid event has, and those it may omit. */
export function fieldPaths(schema: SchemaObject, options: SchemaFieldOptions = {}): { readonly required: string[]; readonly optional: string[] } {
  const fields = schemaFields(schema, options);
  return { required: fields.filter((f) => f.alwaysPresent).map((f) => f.pointer), optional: fields.filter((f) => !f.alwaysPresent).map((f) => f.pointer) };
}
