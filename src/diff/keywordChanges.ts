import { schemaTypes } from '../schemas/schemaTypes';
import { NUMERIC_FORMATS } from '../spec/numericFormats';
import type { SchemaObject } from '../spec/types';
import type { BrokenSide, ChangeKind } from './specDiff';

/** A change found at one schema node, before the caller adds the event type and pointer. */
export interface NodeChange {
  readonly kind: ChangeKind;
  readonly keyword: string;
  readonly breaks: readonly BrokenSide[];
  readonly message: string;
}

const RECEIVER: readonly BrokenSide[] = ['receiver'];
const SENDER: readonly BrokenSide[] = ['sender'];
const BOTH: readonly BrokenSide[] = ['receiver', 'sender'];

/** Keywords that describe without constraining: never a change. */
export const ANNOTATIONS = new Set(['description', 'title', 'examples', 'example', 'default', '$comment', '$schema', '$id', 'deprecated', 'readOnly', 'writeOnly']);

/** Keywords this file or the object walk compare; any other differing keyword is `schema-changed`. */
export const HANDLED = new Set([
  'type',
  'enum',
  'const',
  'format',
  'pattern',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'minProperties',
  'maxProperties',
  'properties',
  'required',
  'additionalProperties',
  'items',
]);

/** The constraints of one node that do not involve sub-schemas. */
export function keywordChanges(before: SchemaObject, after: SchemaObject): NodeChange[] {
  const typeChange = typeChanges(before, after);
  return [
    ...typeChange,
    ...enumChanges(before, after, nullTypeChanged(before, after)),
    ...formatChanges(before, after),
    ...boundChanges(before, after),
    ...patternChanges(before, after),
    ...otherChanges(before, after),
  ];
}

// ---- type ------------------------------------------------------------------------------------

/** The JSON types a node allows; undefined means any. */
function typesOf(schema: SchemaObject): Set<string> | undefined {
  const types = schemaTypes(schema);
  return types.length === 0 ? undefined : new Set(types);
}

const ALL_TYPES = ['array', 'boolean', 'integer', 'null', 'number', 'object', 'string'];

/** Types of `a` that `b` does not allow (an integer is a number). */
function uncovered(a: Set<string> | undefined, b: Set<string> | undefined): string[] {
  if (b === undefined) return [];
  const left = a ?? new Set(ALL_TYPES);
  return [...left].filter((t) => !b.has(t) && !(t === 'integer' && b.has('number'))).sort();
}

function typeChanges(before: SchemaObject, after: SchemaObject): NodeChange[] {
  const old = typesOf(before);
  const now = typesOf(after);
  const added = uncovered(now, old);
  const removed = uncovered(old, now);
  if (added.length === 0 && removed.length === 0) return [];
  const text = `type ${describeTypes(old)} → ${describeTypes(now)}`;
  if (added.length > 0 && removed.length > 0) return [{ kind: 'type-changed', keyword: 'type', breaks: BOTH, message: text }];
  if (added.length > 0) return [{ kind: 'type-widened', keyword: 'type', breaks: RECEIVER, message: `${text} (now also ${added.join(', ')})` }];
  return [{ kind: 'type-narrowed', keyword: 'type', breaks: SENDER, message: `${text} (no longer ${removed.join(', ')})` }];
}

function describeTypes(types: Set<string> | undefined): string {
  return types === undefined ? 'any' : [...types].join('|');
}

/** Whether null entered or left the allowed types: then `null` in an enum is that same change. */
function nullTypeChanged(before: SchemaObject, after: SchemaObject): boolean {
  return (typesOf(before)?.has('null') ?? true) !== (typesOf(after)?.has('null') ?? true);
}

// ---- enum and const ---------------------------------------------------------------------------

function allowedValues(schema: SchemaObject): unknown[] | undefined {
  if (schema.const !== undefined) return [schema.const];
  return Array.isArray(schema.enum) ? (schema.enum as unknown[]) : undefined;
}

function enumChanges(before: SchemaObject, after: SchemaObject, ignoreNull: boolean): NodeChange[] {
  const old = allowedValues(before);
  const now = allowedValues(after);
  const keyword = before.const !== undefined || after.const !== undefined ? 'const' : 'enum';
  if (old === undefined && now === undefined) return [];
  if (old === undefined) return [{ kind: 'enum-added', keyword, breaks: SENDER, message: `now restricted to ${listValues(now ?? [])}` }];
  if (now === undefined) return [{ kind: 'enum-removed', keyword, breaks: RECEIVER, message: `no longer restricted to ${listValues(old)}` }];
  const has = (list: unknown[], v: unknown): boolean => list.some((w) => JSON.stringify(w) === JSON.stringify(v));
  const skip = (v: unknown): boolean => ignoreNull && v === null;
  const added = now.filter((v) => !has(old, v) && !skip(v));
  const removed = old.filter((v) => !has(now, v) && !skip(v));
  const changes: NodeChange[] = [];
  for (const v of added) {
    changes.push({ kind: 'enum-value-added', keyword, breaks: RECEIVER, message: `enum value ${JSON.stringify(v)} added (was ${listValues(old)})` });
  }
  for (const v of removed) {
    changes.push({ kind: 'enum-value-removed', keyword, breaks: SENDER, message: `enum value ${JSON.stringify(v)} removed (now ${listValues(now)})` });
  }
  return changes;
}

function listValues(values: readonly unknown[]): string {
  return values.map((v) => JSON.stringify(v)).join(', ');
}

// ---- format and pattern -----------------------------------------------------------------------

/** A string format; numeric formats are already minimum/maximum and compared as ranges. */
function stringFormat(schema: SchemaObject): string | undefined {
  if (typeof schema.format !== 'string') return undefined;
  return NUMERIC_FORMATS[schema.format] !== undefined ? undefined : schema.format;
}

function formatChanges(before: SchemaObject, after: SchemaObject): NodeChange[] {
  return presenceChanges(stringFormat(before), stringFormat(after), 'format', {
    added: 'format-added',
    removed: 'format-removed',
    changed: 'format-changed',
  });
}

function patternChanges(before: SchemaObject, after: SchemaObject): NodeChange[] {
  const pattern = (s: SchemaObject): string | undefined => (typeof s.pattern === 'string' ? s.pattern : undefined);
  return presenceChanges(pattern(before), pattern(after), 'pattern', {
    added: 'pattern-added',
    removed: 'pattern-removed',
    changed: 'pattern-changed',
  });
}

function presenceChanges(old: string | undefined, now: string | undefined, keyword: string, kinds: { added: ChangeKind; removed: ChangeKind; changed: ChangeKind }): NodeChange[] {
  if (old === now) return [];
  if (old === undefined) return [{ kind: kinds.added, keyword, breaks: SENDER, message: `${keyword} ${JSON.stringify(now)} added` }];
  if (now === undefined) return [{ kind: kinds.removed, keyword, breaks: RECEIVER, message: `${keyword} ${JSON.stringify(old)} removed` }];
  return [{ kind: kinds.changed, keyword, breaks: BOTH, message: `${keyword} ${JSON.stringify(old)} → ${JSON.stringify(now)}` }];
}

// ---- ranges ------------------------------------------------------------------------------------

interface Bound {
  readonly value: number;
  readonly exclusive: boolean;
}

/** The tighter of an inclusive and an exclusive bound, `direction` 1 for lower, -1 for upper. */
function effectiveBound(inclusive: unknown, exclusive: unknown, direction: 1 | -1): Bound | undefined {
  const inc = typeof inclusive === 'number' ? inclusive : undefined;
  const exc = typeof exclusive === 'number' ? exclusive : undefined;
  if (inc === undefined) return exc === undefined ? undefined : { value: exc, exclusive: true };
  if (exc === undefined) return { value: inc, exclusive: false };
  return direction * exc >= direction * inc ? { value: exc, exclusive: true } : { value: inc, exclusive: false };
}

/** 1 when `b` is stricter than `a`, -1 when looser, 0 when the same. */
function compareBounds(a: Bound | undefined, b: Bound | undefined, direction: 1 | -1): number {
  if (a === undefined && b === undefined) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  if (a.value !== b.value) return direction * b.value > direction * a.value ? 1 : -1;
  return a.exclusive === b.exclusive ? 0 : b.exclusive ? 1 : -1;
}

const RANGES: ReadonlyArray<{ keyword: string; exclusive?: string; direction: 1 | -1 }> = [
  { keyword: 'minimum', exclusive: 'exclusiveMinimum', direction: 1 },
  { keyword: 'maximum', exclusive: 'exclusiveMaximum', direction: -1 },
  { keyword: 'minLength', direction: 1 },
  { keyword: 'maxLength', direction: -1 },
  { keyword: 'minItems', direction: 1 },
  { keyword: 'maxItems', direction: -1 },
  { keyword: 'minProperties', direction: 1 },
  { keyword: 'maxProperties', direction: -1 },
];

function boundChanges(before: SchemaObject, after: SchemaObject): NodeChange[] {
  const changes: NodeChange[] = [];
  for (const { keyword, exclusive, direction } of RANGES) {
    const old = effectiveBound(before[keyword], exclusive !== undefined ? before[exclusive] : undefined, direction);
    const now = effectiveBound(after[keyword], exclusive !== undefined ? after[exclusive] : undefined, direction);
    const stricter = compareBounds(old, now, direction);
    if (stricter === 0) continue;
    const text = `${keyword} ${describeBound(old)} → ${describeBound(now)}${formatNote(before, after)}`;
    changes.push(stricter > 0 ? { kind: 'range-narrowed', keyword, breaks: SENDER, message: text } : { kind: 'range-widened', keyword, breaks: RECEIVER, message: text });
  }
  return changes;
}

function describeBound(bound: Bound | undefined): string {
  if (bound === undefined) return 'none';
  const digits = Number.isInteger(bound.value) && !Number.isSafeInteger(bound.value) && Math.abs(bound.value) < 1e21 ? BigInt(bound.value).toString() : String(bound.value);
  return bound.exclusive ? `${digits} (exclusive)` : digits;
}

/** A `format` value as written; a non-string one (a spec defect) as JSON rather than [object Object]. */
function formatName(format: unknown): string {
  const named = format ?? 'none';
  return typeof named === 'string' ? named : JSON.stringify(named);
}

function formatNote(before: SchemaObject, after: SchemaObject): string {
  return before.format !== after.format && (typeof before.format === 'string' || typeof after.format === 'string')
    ? ` (format ${formatName(before.format)} → ${formatName(after.format)})`
    : '';
}

// ---- anything else -----------------------------------------------------------------------------

/** A differing keyword nothing above understands (oneOf, not, uniqueItems…): it may break anyone. */
function otherChanges(before: SchemaObject, after: SchemaObject): NodeChange[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => !ANNOTATIONS.has(k) && !HANDLED.has(k));
  return keys
    .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
    .sort()
    .map((k) => ({ kind: 'schema-changed', keyword: k, breaks: BOTH, message: `${k} changed: ${short(before[k])} → ${short(after[k])}` }));
}

function short(value: unknown): string {
  if (value === undefined) return 'none';
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
