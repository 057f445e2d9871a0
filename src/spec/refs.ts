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

/** Options of {@link inlineRefs}. */
export interface InlineOptions {
  /**
   * Most schema nodes the inlined copy may have. Default: {@link inlineBudget} of the document,
   * linear in the file, so a reference "diamond" (each level referencing the next twice) is
   * refused after bounded work instead of doubling per level.
   */
  readonly budget?: number;
  /** Receives the number of nodes built (for tests and benchmarks). */
  readonly stats?: { nodes: number };
}

/** Nodes an inlined schema may have per node of the file: generous for shared schemas, linear. */
export const INLINE_NODES_PER_FILE_NODE = 20;
const MIN_INLINE_BUDGET = 20_000;

/** The default node budget for inlining one schema of a document. */
export function inlineBudget(spec: SpecDocument): number {
  return Math.max(MIN_INLINE_BUDGET, INLINE_NODES_PER_FILE_NODE * countNodes(spec.document));
}

const nodeCounts = new WeakMap<object, number>();

function countNodes(document: object): number {
  const cached = nodeCounts.get(document);
  if (cached !== undefined) return cached;
  let count = 0;
  const visit = (node: unknown): void => {
    if (typeof node !== 'object' || node === null) return;
    count += 1;
    for (const value of Object.values(node)) visit(value);
  };
  visit(document);
  nodeCounts.set(document, count);
  return count;
}

/**
 * Returns a copy of `schema` with every `$ref` replaced by the schema it points to. A reference
 * back into its own chain (a recursive schema: `Node.child → Node`) cannot be inlined; it becomes
 * `{$ref: "#/definitions/<name>"}` and the schema it names goes once into a root `definitions`
 * map, which JSON Schema validators resolve. Throws SpecInvalidError (one line) for a dangling
 * reference, or when the copy would exceed the budget.
 */
export function inlineRefs(spec: SpecDocument, schema: unknown, options: InlineOptions = {}): unknown {
  const budget = options.budget ?? inlineBudget(spec);
  const stats = options.stats ?? { nodes: 0 };
  const recursive = new Map<string, string>(); // ref → definitions key
  const definitions: SchemaObject = {};

  const definitionKey = (ref: string): string => {
    const known = recursive.get(ref);
    if (known !== undefined) return known;
    const base = (schemaNameOfRef(ref) ?? ref).replace(/[^A-Za-z0-9_.-]/g, '_') || 'schema';
    const used = new Set(recursive.values());
    let key = base;
    for (let i = 2; used.has(key); i += 1) key = `${base}_${i}`;
    recursive.set(ref, key);
    return key;
  };

  const inline = (node: unknown, chain: readonly string[]): unknown => {
    if (typeof node === 'object' && node !== null) {
      stats.nodes += 1;
      if (stats.nodes > budget) {
        throw new SpecInvalidError(
          spec.path,
          `$refs expand to more than ${budget} schema nodes (${INLINE_NODES_PER_FILE_NODE} per node of the file): schemas that reference the same schema many times over, level after level, are refused`,
        );
      }
    }
    if (Array.isArray(node)) return node.map((item) => inline(item, chain));
    if (!isSchemaObject(node)) return node;
    const ref = node.$ref;
    if (typeof ref === 'string') {
      if (chain.includes(ref)) return { $ref: `#/definitions/${definitionKey(ref)}` };
      const target = resolvePointer(spec, ref);
      if (target === undefined) {
        throw new SpecInvalidError(spec.path, `$ref "${ref}" points to nothing`);
      }
      const { $ref: _ignored, ...siblings } = node;
      const inlined = inline(target, [...chain, ref]);
      // OpenAPI 3.0 ignores siblings of $ref; keeping only annotations (description) is harmless.
      return Object.keys(siblings).length === 0 || !isSchemaObject(inlined) || typeof inlined.$ref === 'string'
        ? inlined
        : { ...inlined, ...pickAnnotations(siblings) };
    }
    const out: SchemaObject = {};
    for (const [key, value] of Object.entries(node)) out[key] = inline(value, chain);
    return out;
  };

  const root = inline(schema, []);
  // Each recursive schema is defined once, inlined with itself as the chain (its own recursion
  // points back to its definition); defining one may reveal another (mutual recursion).
  const undefinedRefs = (): string[] => [...recursive].filter(([, key]) => !(key in definitions)).map(([ref]) => ref);
  for (let pending = undefinedRefs(); pending.length > 0; pending = undefinedRefs()) {
    for (const ref of pending) definitions[definitionKey(ref)] = inline(resolvePointer(spec, ref), [ref]);
  }
  if (recursive.size === 0 || !isSchemaObject(root)) return root;
  return { ...root, definitions: { ...(isSchemaObject(root.definitions) ? root.definitions : {}), ...definitions } };
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
