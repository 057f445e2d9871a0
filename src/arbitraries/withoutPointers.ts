import type { GeneratedEvent } from './events';
import { pointerSegments } from '../jsonPointer';

/** A copy of the event without the properties at `pointers` (absent ones are ignored). */
export function withoutPointers(event: GeneratedEvent, pointers: readonly string[]): GeneratedEvent {
  const copy = structuredClone(event);
  for (const pointer of pointers) {
    const segments = pointerSegments(pointer);
    const last = segments.pop();
    let node: unknown = copy;
    for (const segment of segments) node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[segment] : undefined;
    // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- removes the key a JSON pointer names, from a copy
    if (last !== undefined && typeof node === 'object' && node !== null) delete (node as Record<string, unknown>)[last];
  }
  return copy;
}
