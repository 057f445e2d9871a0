import fc from 'fast-check';
import type { GeneratedEvent } from '../../arbitraries';
import { InternalError } from '../../errors';
import { compactJson } from '../../serialise';
import { pointerFromSegments } from '../../jsonPointer';

/** An event with one field value changed, and which and how. */
export interface ChangedField {
  readonly event: GeneratedEvent;
  /** E.g. `/data/chargePower changed from 11000 to 10999`. */
  readonly detail: string;
}

type Path = readonly (string | number)[];
interface Leaf {
  readonly path: Path;
  readonly value: string | number | boolean;
}

/**
 * The event with one string, number or boolean field changed, anywhere but at the pointers in
 * `keep` (default: the envelope's `id`, so the change reads as a tampered copy of the same event).
 * Changes stay small and mostly schema-valid: a number moves one step toward zero, a boolean flips,
 * a string has its first letter or digit replaced by the next of its kind. Shrinks toward the first
 * field in document order. Throws when the event has no field it may change.
 */
export function changeOneField(event: GeneratedEvent, keep: ReadonlySet<string> = new Set(['/id'])): fc.Arbitrary<ChangedField> {
  const leaves = leavesOf(event, []).filter((leaf) => !keep.has(pointer(leaf.path)));
  if (leaves.length === 0) throw new InternalError('the event has no field value to change');
  return fc.nat({ max: leaves.length - 1 }).map((index) => {
    const { path, value } = leaves[index] as Leaf;
    const changed = changedValue(value);
    return { event: replaced(event, path, changed) as GeneratedEvent, detail: `${pointer(path)} changed from ${show(value)} to ${show(changed)}` };
  });
}

function leavesOf(node: unknown, path: Path): Leaf[] {
  if (typeof node === 'string' || typeof node === 'number' || typeof node === 'boolean') return [{ path, value: node }];
  if (Array.isArray(node)) return node.flatMap((item: unknown, i) => leavesOf(item, [...path, i]));
  if (typeof node === 'object' && node !== null) return Object.entries(node).flatMap(([key, value]) => leavesOf(value, [...path, key]));
  return [];
}

/** A copy of `node` with the value at `path` replaced; key order is kept. */
function replaced(node: unknown, path: Path, value: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return value;
  if (Array.isArray(node)) return node.map((item: unknown, i) => (i === head ? replaced(item, rest, value) : item));
  const record = node as Record<string, unknown>;
  return { ...record, [head]: replaced(record[head], rest, value) };
}

const CLASSES = ['0123456789', 'abcdef', 'ghijklmnopqrstuvwxyz', 'ABCDEF', 'GHIJKLMNOPQRSTUVWXYZ'];

function changedValue(value: string | number | boolean): string | number | boolean {
  if (typeof value === 'boolean') return !value;
  if (typeof value === 'number') {
    if (Number.isSafeInteger(value)) return value === 0 ? 1 : value - Math.sign(value);
    return value / 2; // exact for large integers (int64 extremes) and fractions alike
  }
  const chars = Array.from(value);
  const at = chars.findIndex((char) => CLASSES.some((members) => members.includes(char)));
  if (at < 0) return `${value}x`;
  const char = chars[at] ?? '';
  const members = CLASSES.find((m) => m.includes(char)) ?? char;
  chars[at] = members[(members.indexOf(char) + 1) % members.length] ?? char;
  return chars.join('');
}

function pointer(path: Path): string {
  return pointerFromSegments(path);
}

/** The value as it is written in the body sent (integers beyond 2^53 with all their digits). */
function show(value: string | number | boolean): string {
  const text = compactJson(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
