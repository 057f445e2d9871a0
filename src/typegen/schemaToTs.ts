import { schemaTypes } from '../schemas/schemaTypes';
import { NUMERIC_FORMATS } from '../spec/numericFormats';
import { isSchemaObject, type SchemaObject } from '../spec/types';

/**
 * The TypeScript type of the values a flat draft-07 schema accepts, as source text. Objects
 * become object literal types (one member per property, `?` when optional, TSDoc from the
 * schema), enums and consts literal unions, nullable types `| null`. `indent` is the indentation
 * of the line the type starts on.
 */
export function schemaToTs(schema: unknown, indent: string): string {
  if (!isSchemaObject(schema)) return 'unknown';
  if (schema.const !== undefined) return literal(schema.const);
  if (Array.isArray(schema.enum)) return union((schema.enum as unknown[]).map(literal));
  for (const key of ['oneOf', 'anyOf'] as const) {
    const branches = schema[key];
    if (Array.isArray(branches) && branches.length > 0) {
      const { [key]: _branches, ...rest } = schema;
      return union(branches.map((branch) => schemaToTs({ ...rest, ...(branch as SchemaObject) }, indent)));
    }
  }
  const types = schemaTypes(schema, { inferred: true });
  if (types.length === 0) return 'unknown';
  return union([...new Set(types.map((type) => forType(type, schema, indent)))]);
}

/** `{ … }` with one member per property of an object schema; the body of an interface too. */
export function objectBody(schema: SchemaObject, indent: string): string {
  const properties = isSchemaObject(schema.properties) ? schema.properties : {};
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  const inner = `${indent}  `;
  const members: string[] = [];
  for (const [name, sub] of Object.entries(properties)) {
    members.push(...docComment(isSchemaObject(sub) ? sub : {}, inner), `${inner}${propertyKey(name)}${required.has(name) ? '' : '?'}: ${schemaToTs(sub, inner)};`);
  }
  // Required properties the schema does not describe still exist.
  for (const name of required) if (!(name in properties)) members.push(`${inner}${propertyKey(name)}: unknown;`);
  const extra = schema.additionalProperties;
  if (isSchemaObject(extra)) members.push(`${inner}[key: string]: ${schemaToTs(extra, inner)};`);
  else if (extra === true && members.length > 0) members.push(`${inner}[key: string]: unknown;`);
  return members.length === 0 ? '{}' : `{\n${members.join('\n')}\n${indent}}`;
}

/** TSDoc lines for a schema: description, string format, explicit range, deprecation. */
export function docComment(schema: SchemaObject, indent: string): string[] {
  const lines: string[] = [];
  if (typeof schema.description === 'string')
    lines.push(
      ...schema.description
        .trimEnd()
        .split('\n')
        .map((l) => l.trimEnd()),
    );
  if (typeof schema.format === 'string') lines.push(`@format ${schema.format}`);
  for (const bound of explicitBounds(schema)) lines.push(bound);
  if (schema.deprecated === true) lines.push('@deprecated');
  if (lines.length === 0) return [];
  const safe = lines.map((l) => l.replace(/\*\//g, '*\\/'));
  if (safe.length === 1) return [`${indent}/** ${safe[0] ?? ''} */`];
  return [`${indent}/**`, ...safe.map((l) => (l === '' ? `${indent} *` : `${indent} * ${l}`)), `${indent} */`];
}

function explicitBounds(schema: SchemaObject): string[] {
  const range = typeof schema.format === 'string' ? NUMERIC_FORMATS[schema.format] : undefined;
  const out: string[] = [];
  if (typeof schema.minimum === 'number' && schema.minimum !== range?.minimum) out.push(`@minimum ${schema.minimum}`);
  if (typeof schema.maximum === 'number' && schema.maximum !== range?.maximum) out.push(`@maximum ${schema.maximum}`);
  return out;
}

function forType(type: string, schema: SchemaObject, indent: string): string {
  switch (type) {
    case 'null':
      return 'null';
    case 'boolean':
      return 'boolean';
    case 'integer':
    case 'number':
      return 'number';
    case 'string':
      return 'string';
    case 'array':
      return `Array<${schema.items === undefined ? 'unknown' : schemaToTs(schema.items, indent)}>`;
    case 'object':
      return isSchemaObject(schema.properties) || Array.isArray(schema.required) || isSchemaObject(schema.additionalProperties)
        ? objectBody(schema, indent)
        : 'Record<string, unknown>';
    default:
      return 'unknown';
  }
}

function literal(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return 'unknown';
}

function union(parts: readonly string[]): string {
  const unique = [...new Set(parts)];
  return unique.length === 0 ? 'never' : unique.join(' | ');
}

/** A property name as a TypeScript key: bare when it is an identifier, quoted otherwise. */
export function propertyKey(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : `'${name.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}
