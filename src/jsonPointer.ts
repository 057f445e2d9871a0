/**
 * JSON pointer (RFC 6901) escaping in one place: `~` becomes `~0` and `/` becomes `~1` inside a
 * segment, so a property name holding either character still names exactly one field.
 */

/** Escapes one property name (or array index) for use as a JSON pointer segment. */
export function escapePointerSegment(segment: string | number): string {
  const text = String(segment);
  // Almost every name holds neither character: then there is nothing to replace (this runs for
  // every key of every generated event a check walks).
  return text.includes('~') || text.includes('/') ? text.replace(/~/g, '~0').replace(/\//g, '~1') : text;
}

/** Reverses `escapePointerSegment`; `~1` is undone first so `~01` stays the literal `~1`. */
export function unescapePointerSegment(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** The pointer naming a path of property names and indices: `['a', 'b/c']` → `/a/b~1c`. */
export function pointerFromSegments(segments: readonly (string | number)[]): string {
  return segments.map((segment) => `/${escapePointerSegment(segment)}`).join('');
}

/** The unescaped segments of a pointer: `/a/b~1c` → `['a', 'b/c']`; the root `''` has none. */
export function pointerSegments(pointer: string): string[] {
  return pointer === '' ? [] : pointer.slice(1).split('/').map(unescapePointerSegment);
}

/** Names a list of pointers in a label, at most `max` of them. */
export function listPointers(pointers: readonly string[], max = 6): string {
  const shown = pointers.slice(0, max).join(', ');
  return pointers.length > max ? `${shown} and ${pointers.length - max} more` : shown;
}
