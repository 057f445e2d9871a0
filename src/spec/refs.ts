import { SpecInvalidError } from '../errors';
import { isSchemaObject, type SchemaObject, type SpecDocument } from './types';
import { escapePointerSegment, unescapePointerSegment } from '../jsonPointer';

/** Follows a local JSON pointer (`#/components/schemas/X`) inside the document. */
export function resolvePointer(spec: SpecDocument, ref: string): unknown {
  if (!ref.startsWith('#/')) {
    throw new SpecInvalidError(spec.path, `only local $ref values are supported, found "${ref}"`);
  }
  let node: unknown = spec.document;
  for (const raw of ref.slice(2).split('/')) {
    let key: string;
    try {
      key = unescapePointerSegment(decodeURIComponent(raw));
    } catch {
      throw new SpecInvalidError(spec.path, `$ref "${ref}" is not a valid JSON pointer`);
    }
    node = isSchemaObject(node) ? node[key] : undefined;
    if (node === undefined) return undefined;
  }
  return node;
}

/** The schema name a `#/components/schemas/<name>` reference points to, if it is one. */
export function schemaNameOfRef(ref: string): string | undefined {
  const prefix = '#/components/schemas/';
  return ref.startsWith(prefix) ? ref.slice(prefix.length) : undefined;
}

/**
 * Returns a copy of `schema` with every `$ref` replaced by the schema it points to, recursively.
 * A reference cycle cannot be inlined; it is reported with the chain of references.
 */
export function inlineRefs(spec: SpecDocument, schema: unknown, chain: readonly string[] = []): unknown {
  if (Array.isArray(schema)) return schema.map((item) => inlineRefs(spec, item, chain));
  if (!isSchemaObject(schema)) return schema;
  const ref = schema.$ref;
  if (typeof ref === 'string') {
    if (chain.includes(ref)) {
      throw new SpecInvalidError(spec.path, `$ref cycle: ${[...chain, ref].join(' -> ')}`);
    }
    const target = resolvePointer(spec, ref);
    if (target === undefined) {
      throw new SpecInvalidError(spec.path, `$ref "${ref}" points to nothing`);
    }
    const { $ref: _ignored, ...siblings } = schema;
    const inlined = inlineRefs(spec, target, [...chain, ref]);
    // OpenAPI 3.0 ignores siblings of $ref; keeping only annotations (description) is harmless.
    return Object.keys(siblings).length === 0 || !isSchemaObject(inlined)
      ? inlined
      : { ...inlined, ...pickAnnotations(siblings) };
  }
  const out: SchemaObject = {};
  for (const [key, value] of Object.entries(schema)) {
    out[key] = inlineRefs(spec, value, chain);
  }
  return out;
}

function pickAnnotations(siblings: SchemaObject): SchemaObject {
  const out: SchemaObject = {};
  for (const key of ['description', 'title', 'deprecated'] as const) {
    if (key in siblings) out[key] = siblings[key];
  }
  return out;
}

/** Every `$ref` string found anywhere below `node`, with the JSON pointer where it stands. */
export function collectRefs(node: unknown, pointer = ''): Array<{ ref: string; at: string }> {
  if (Array.isArray(node)) return node.flatMap((item, i) => collectRefs(item, `${pointer}/${i}`));
  if (!isSchemaObject(node)) return [];
  const found: Array<{ ref: string; at: string }> = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string') found.push({ ref: value, at: pointer });
    else found.push(...collectRefs(value, `${pointer}/${escapePointerSegment(key)}`));
  }
  return found;
}
