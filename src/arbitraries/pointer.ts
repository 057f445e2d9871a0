import { pointerSegments } from '../jsonPointer';

/** Reading and rewriting generated events at a JSON pointer (escaping lives in `jsonPointer`). */

/** Every proper ancestor of a pointer: `/a/b/c` → `/a`, `/a/b`. */
export function ancestorPointers(pointer: string): string[] {
  const segments = pointer.split('/').slice(1);
  return segments.slice(0, -1).map((_, i) => `/${segments.slice(0, i + 1).join('/')}`);
}

/** A deep copy of `root` with the value at `pointer` replaced, or removed when `value` is `REMOVE`. */
export const REMOVE: unique symbol = Symbol('remove');

export function withValueAt(root: unknown, pointer: string, value: unknown): unknown {
  const copy = structuredClone(root);
  const segments = pointerSegments(pointer);
  const last = segments.pop();
  if (last === undefined) return value;
  let node: unknown = copy;
  for (const segment of segments) node = (node as Record<string, unknown>)[segment];
  const parent = node as Record<string, unknown>;
  // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- a JSON pointer names the key at run time; the copy is plain JSON (a Map would not be one).
  if (value === REMOVE) delete parent[last];
  else parent[last] = value;
  return copy;
}

export function valueAt(root: unknown, pointer: string): unknown {
  let node: unknown = root;
  for (const segment of pointerSegments(pointer)) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}
