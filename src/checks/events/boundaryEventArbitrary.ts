import fc from 'fast-check';
import { eventArbitrary, type GeneratedEvent } from '../../arbitraries';
import type { EventType } from '../../schemas/catalogue';
import type { Boundary } from '../../arbitraries/fieldBoundaries';
import { boundarySites } from '../../arbitraries/boundarySites';
import { pointerSegments } from '../../jsonPointer';

/** A valid event whose string, number and date-time fields hold edge values; `edges` says where. */
export interface BoundaryEvent {
  readonly event: GeneratedEvent;
  readonly edges: ReadonlyArray<{ readonly pointer: string; readonly label: string }>;
  /** The same event with plain values at every edge-capable field (its control: see attribution.ts). */
  readonly plain: GeneratedEvent;
}

/**
 * Events with every optional field present, where each edge-capable field holds an edge value
 * (four times in five, a field's own limits most often) or a plain one. A failure shrinks each field back to its plain value, so a
 * shrunk case keeps edges only where the receiver breaks on them.
 */
export function boundaryEventArbitrary(eventType: EventType): fc.Arbitrary<BoundaryEvent> {
  const sites = boundarySites(eventType);
  const picks = sites.map((site) => fc.option(fc.oneof(...site.boundaries.map((b) => ({ arbitrary: fc.constant(b), weight: b.weight }))), { nil: undefined, freq: 5 }));
  // Only the picks shrink: the generated values are mostly overwritten, and each shrink is a delivery.
  return fc.tuple(fc.noShrink(eventArbitrary(eventType, { presence: 'full' })), fc.tuple(...picks)).map(([generated, chosen]) => {
    const event = structuredClone(generated);
    const plain = structuredClone(generated);
    for (const site of sites) setAt(plain, site.pointer, site.plain);
    const edges: Array<{ pointer: string; label: string }> = [];
    sites.forEach((site, i) => {
      const edge: Boundary | undefined = chosen[i];
      if (setAt(event, site.pointer, edge === undefined ? site.plain : edge.value) && edge !== undefined) edges.push({ pointer: site.pointer, label: edge.label });
    });
    return { event, edges, plain };
  });
}

/** Sets a field whose parent exists; false when the parent is absent. */
function setAt(root: GeneratedEvent, pointer: string, value: unknown): boolean {
  const segments = pointerSegments(pointer);
  const last = segments.pop();
  let node: unknown = root;
  for (const segment of segments) node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[segment] : undefined;
  if (last === undefined || typeof node !== 'object' || node === null || Array.isArray(node)) return false;
  (node as Record<string, unknown>)[last] = value;
  return true;
}
