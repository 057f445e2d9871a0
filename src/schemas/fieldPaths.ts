import { isSchemaObject, type SchemaObject } from '../spec/types';
import { escapePointerSegment } from '../jsonPointer';

export interface FieldPaths {
  /** JSON pointers of fields every valid event has (required all the way down). */
  readonly required: string[];
  /** JSON pointers of fields a valid event may omit (or that sit below an optional field). */
  readonly optional: string[];
}

/** Lists every described field of a flat object schema as JSON pointers, e.g. `/data/state`. */
export function fieldPaths(schema: SchemaObject): FieldPaths {
  const paths: FieldPaths = { required: [], optional: [] };
  walk(schema, '', true, paths);
  return paths;
}

function walk(schema: SchemaObject, pointer: string, parentRequired: boolean, paths: FieldPaths): void {
  if (!isSchemaObject(schema.properties)) return;
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  for (const [name, sub] of Object.entries(schema.properties)) {
    const path = `${pointer}/${escapePointerSegment(name)}`;
    const isRequired = parentRequired && required.has(name);
    (isRequired ? paths.required : paths.optional).push(path);
    if (isSchemaObject(sub)) walk(sub, path, isRequired, paths);
  }
}
