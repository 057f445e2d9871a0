import { schemasOf } from '../eventRoot';
import { isSchemaObject, type SchemaObject } from '../types';
import { escapePointerSegment } from '../../jsonPointer';
import { cloneSpec, type Defect, type Erratum } from './erratum';

// Schema keywords that, written one level too deep, land under `properties` with a value that
// cannot be a property's schema (a list, a text).
const KEYWORDS = new Set(['required', 'description', 'title', 'type', 'enum', 'format', 'nullable', 'deprecated', 'example']);
// Keywords whose values are data: a `properties` key inside an example is not a schema.
const DATA = new Set(['example', 'examples', 'enum', 'const', 'default']);

/** A `properties` entry whose value is not a schema. */
export interface NonSchemaProperty {
  /** The schema that holds the `properties` map. */
  readonly owner: SchemaObject;
  readonly name: string;
  readonly value: unknown;
  /** Pointer of the entry itself (…/properties/<name>). */
  readonly pointer: string;
  /** True when the entry is a keyword of the owner written one level too deep, and can be moved up. */
  readonly movable: boolean;
}

/** Every `properties` entry under components.schemas whose value is neither an object nor a boolean. */
export function nonSchemaProperties(schemas: Record<string, SchemaObject>): NonSchemaProperty[] {
  const found: NonSchemaProperty[] = [];
  const visit = (node: unknown, pointer: string): void => {
    if (Array.isArray(node)) {
      node.forEach((item, i) => visit(item, `${pointer}/${i}`));
      return;
    }
    if (!isSchemaObject(node)) return;
    if (isSchemaObject(node.properties)) {
      for (const [name, value] of Object.entries(node.properties)) {
        if (isSchemaObject(value) || typeof value === 'boolean') continue;
        found.push({ owner: node, name, value, pointer: `${pointer}/properties/${escapePointerSegment(name)}`, movable: canMove(node, name, value) });
      }
    }
    for (const [key, value] of Object.entries(node)) if (!DATA.has(key)) visit(value, `${pointer}/${escapePointerSegment(key)}`);
  };
  for (const [name, schema] of Object.entries(schemas)) visit(schema, `/components/schemas/${escapePointerSegment(name)}`);
  return found;
}

/** A keyword moves up when the owner lacks it, or (for `required`) when both are lists of names. */
function canMove(owner: SchemaObject, name: string, value: unknown): boolean {
  if (!KEYWORDS.has(name)) return false;
  if (name === 'required') return isNameList(value) && (owner.required === undefined || isNameList(owner.required));
  return owner[name] === undefined;
}

function isNameList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

export const keywordUnderProperties: Erratum = {
  id: 'keyword-under-properties',
  title: 'A schema keyword is indented under `properties`',
  correction:
    'EVChargeSessionFailureReason (2025-10-09) lists `required: [type, detail]` and its `description` one ' +
    'level too deep, inside `properties`, as if they were properties. A property’s schema must be an object, ' +
    'so no reading of the file as written exists (validators refuse it). hookproof moves such an entry up to ' +
    'the schema that holds the `properties` (a `required` list is joined with the one there), which is how ' +
    'every later version of gridX’s file writes it. Non-schema entries that are not keywords stay unhandled.',
  find(spec) {
    return nonSchemaProperties(schemasOf(spec))
      .filter((entry) => entry.movable)
      .map(
        (entry): Defect => ({
          code: 'keyword-under-properties',
          pointer: entry.pointer,
          message: `"${entry.name}" under properties is not a schema (${JSON.stringify(entry.value)}); read as the ${entry.name} of the enclosing schema`,
          erratum: this.id,
        }),
      );
  },
  correct(spec) {
    const copy = cloneSpec(spec);
    for (const entry of nonSchemaProperties(schemasOf(copy)).filter((e) => e.movable)) {
      const properties = entry.owner.properties as SchemaObject;
      // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- the misplaced keyword is taken out of `properties` (of a copy) by its name
      delete properties[entry.name];
      entry.owner[entry.name] =
        entry.name === 'required' ? [...new Set([...((entry.owner.required as string[] | undefined) ?? []), ...(entry.value as string[])])] : entry.value;
    }
    return copy;
  },
};
