import fc from 'fast-check';
import { eventArbitrary, type GeneratedEvent } from './events';
import type { EventType } from '../schemas/catalogue';
import type { Boundary } from './fieldBoundaries';
import { boundarySites, type BoundarySite } from './boundarySites';
import { pointerSegments } from '../jsonPointer';
import { serialiseEvent } from '../serialise';

/** A valid event whose string, number and date-time fields hold edge values; `edges` says where. */
export interface BoundaryEvent {
  readonly event: GeneratedEvent;
  readonly edges: ReadonlyArray<{ readonly pointer: string; readonly label: string }>;
  /** The same event with plain values at every edge-capable field (its control: see attribution.ts). */
  readonly plain: GeneratedEvent;
}

/** Strings at least this long are "very long" edges, the ones the body-size budget rations. */
const LONG_EDGE_UNITS = 1000;

/**
 * Events with every optional field present, where each edge-capable field holds an edge value
 * (four times in five, a field's own limits most often) or a plain one. A failure shrinks each
 * field back to its plain value, so a shrunk case keeps edges only where the receiver breaks on them.
 *
 * Every event fits in `maxBytes` as sent: very long strings (10,000 UTF-16 units each, up to 20 KB
 * of UTF-8) are kept in field order while the event still fits, and the others get their plain
 * value, so a case keeps at least one very long field whenever one fits at all.
 */
export function boundaryEventArbitrary(eventType: EventType, maxBytes: number): fc.Arbitrary<BoundaryEvent> {
  const sites = boundarySites(eventType);
  const picks = sites.map((site) => fc.option(fc.oneof(...site.boundaries.map((b) => ({ arbitrary: fc.constant(b), weight: b.weight }))), { nil: undefined, freq: 5 }));
  // Only the picks shrink: the generated values are mostly overwritten, and each shrink is a delivery.
  return fc
    .tuple(fc.noShrink(eventArbitrary(eventType, { presence: 'full' })), fc.tuple(...picks))
    .map(([generated, chosen]) => withinBudget(sites, generated, chosen, maxBytes))
    .filter((value) => serialiseEvent(value.event).length <= maxBytes);
}

function withinBudget(sites: readonly BoundarySite[], generated: GeneratedEvent, chosen: ReadonlyArray<Boundary | undefined>, maxBytes: number): BoundaryEvent {
  const plain = structuredClone(generated);
  for (const site of sites) setAt(plain, site.pointer, site.plain);
  const isLong = (edge: Boundary | undefined): boolean => typeof edge?.value === 'string' && edge.value.length >= LONG_EDGE_UNITS;
  const build = (keep: (i: number) => boolean): { event: GeneratedEvent; edges: Array<{ pointer: string; label: string }> } => {
    const event = structuredClone(generated);
    const edges: Array<{ pointer: string; label: string }> = [];
    sites.forEach((site, i) => {
      const edge = keep(i) ? chosen[i] : undefined;
      if (setAt(event, site.pointer, edge === undefined ? site.plain : edge.value) && edge !== undefined) edges.push({ pointer: site.pointer, label: edge.label });
    });
    return { event, edges };
  };
  const all = build(() => true);
  if (serialiseEvent(all.event).length <= maxBytes) return { ...all, plain };
  // Too large: every short edge stays; the very long ones are added back one by one while they fit.
  const kept = new Set(chosen.flatMap((edge, i) => (isLong(edge) ? [] : [i])));
  for (const [i, edge] of chosen.entries()) {
    if (!isLong(edge)) continue;
    kept.add(i);
    if (serialiseEvent(build((j) => kept.has(j)).event).length > maxBytes) kept.delete(i);
  }
  return { ...build((j) => kept.has(j)), plain };
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
