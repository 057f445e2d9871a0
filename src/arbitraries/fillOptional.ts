import type { EventType } from '../schemas/catalogue';
import { isSchemaObject } from '../spec/types';
import { schemaFields } from '../schemas/schemaFields';
import { pointerSegments } from '../jsonPointer';

/**
 * Puts back every optional field an event lacks, taken from `full` (an event of the same type with
 * every field present), except at `keep` and below it. Checks that vary something else (an invalid
 * field, the type) send complete events, so that a receiver that breaks on an absent optional
 * field fails EVT-2, not them as well.
 */
export function optionalFieldsFiller(eventType: EventType): (event: unknown, full: unknown, keep?: string) => unknown {
  // Parents come before children, so a restored parent is there when its children are looked at.
  const optional = schemaFields(eventType.schema)
    .filter((f) => !f.requiredInParent)
    .map((f) => f.pointer);
  return (event, full, keep) => {
    const copy = structuredClone(event);
    for (const pointer of optional) {
      if (keep !== undefined && (pointer === keep || pointer.startsWith(`${keep}/`))) continue;
      const segments = pointerSegments(pointer);
      const last = segments.pop();
      const parent = at(copy, segments);
      const value = at(full, [...segments, last ?? '']);
      if (last !== undefined && isSchemaObject(parent) && !(last in parent) && value !== undefined) parent[last] = structuredClone(value);
    }
    return copy;
  };
}

function at(root: unknown, segments: readonly string[]): unknown {
  let node = root;
  for (const segment of segments) node = isSchemaObject(node) ? node[segment] : undefined;
  return node;
}
