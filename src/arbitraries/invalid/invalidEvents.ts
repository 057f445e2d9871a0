import fc from 'fast-check';
import type { EventCatalogue, EventType } from '../../schemas/catalogue';

import { compactJson, serialiseEvent } from '../../serialise/compactJson';
import { eventArbitrary, type AnyEventOptions } from '../events';
import { selectEventTypes } from '../../schemas/selectEventTypes';
import { jsonValueArbitrary } from '../jsonValue';
import { lazy } from '../lazy';
import { lazyArbitrary } from '../lazyArbitrary';
import { ancestorPointers, REMOVE, withValueAt } from '../pointer';
import type { InvalidCase, InvalidKind } from './invalidCase';
import { mutationSites, type MutationSite } from './sites';
import { escapePointerSegment } from '../../jsonPointer';

export interface InvalidEventOptions {
  /** Only these kinds of breakage (default: all). */
  readonly kinds?: readonly InvalidKind[];
}

/**
 * Events of one type that break exactly one constraint, labelled. Each label is its own branch of a
 * `fc.oneof` without cross-shrinking, so shrinking a case never changes what it breaks.
 *
 * Throws a `RangeError` when the type has no case of any requested kind (no field to break that
 * way). It stays a RangeError rather than a HookproofError because this function is public API and
 * callers (hookproof's own EVT-7 check among them) tell "no such case" apart by that class.
 */
export function invalidEventArbitrary(catalogue: EventCatalogue, eventType: EventType, options: InvalidEventOptions = {}): fc.Arbitrary<InvalidCase> {
  const wanted = (kind: InvalidKind): boolean => options.kinds === undefined || options.kinds.includes(kind);
  const branches: Array<fc.Arbitrary<InvalidCase>> = [];
  for (const site of sitesOf(eventType, catalogue.discriminator)) {
    if (wanted(site.kind)) branches.push(siteArbitrary(eventType, site));
  }
  if (wanted('type-data-mismatch')) branches.push(...mismatchArbitraries(catalogue, eventType));
  if (wanted('unknown-type')) branches.push(unknownTypeArbitrary(catalogue, eventType));
  if (wanted('not-json')) branches.push(notJsonArbitrary(eventType));
  if (wanted('empty-body')) branches.push(fc.constant(bodyCase(eventType, 'empty-body', Buffer.alloc(0))));
  if (branches.length === 0) throw new RangeError(`no invalid case of the requested kinds exists for ${eventType.type}`);
  return fc.oneof(...branches);
}

/** Invalid cases over every selected type. */
export function anyInvalidEventArbitrary(
  catalogue: EventCatalogue,
  options: InvalidEventOptions & Pick<AnyEventOptions, 'types' | 'includeDeprecated'> = {},
): fc.Arbitrary<InvalidCase> {
  return fc.oneof(...selectEventTypes(catalogue, options).map((t) => invalidEventArbitrary(catalogue, t, options)));
}

/** The mutation sites of each type's schema, found once: walking the schema is the same every time. */
const sites = new WeakMap<EventType, Map<string, readonly MutationSite[]>>();

function sitesOf(eventType: EventType, discriminator: string): readonly MutationSite[] {
  let ofType = sites.get(eventType);
  if (ofType === undefined) {
    ofType = new Map();
    sites.set(eventType, ofType);
  }
  let found = ofType.get(discriminator);
  if (found === undefined) {
    found = mutationSites(eventType.schema, discriminator);
    ofType.set(discriminator, found);
  }
  return found;
}

function siteArbitrary(eventType: EventType, site: MutationSite): fc.Arbitrary<InvalidCase> {
  // The broken field's ancestors must exist for the breakage to be seen. Built only if the run
  // draws this site: most of a type's sites are not drawn in a run of a few cases per kind.
  const base = lazyArbitrary(() => eventArbitrary(eventType, { forcePresent: new Set([...ancestorPointers(site.pointer), site.pointer]) }));
  const label = `${site.kind} ${site.pointer === '' ? '(root)' : site.pointer}`;
  if (site.unknownName !== undefined) {
    // The label names the closed object; the case's pointer is the property added to it.
    return fc.tuple(base, site.unknownName, site.replacement ?? jsonValueArbitrary()).map(([event, name, value]) => {
      const pointer = `${site.pointer}/${escapePointerSegment(name)}`;
      return eventCase(eventType, site.kind, label, withValueAt(event, pointer, value), pointer);
    });
  }
  const mutate = (event: unknown, value: unknown): InvalidCase => eventCase(eventType, site.kind, label, withValueAt(event, site.pointer, value), site.pointer);
  return site.replacement === undefined ? base.map((event) => mutate(event, REMOVE)) : fc.tuple(base, site.replacement).map(([event, value]) => mutate(event, value));
}

/**
 * The event's data under the name of another type whose data requires a field this type never
 * has, so the result is invalid by construction.
 */
function mismatchArbitraries(catalogue: EventCatalogue, eventType: EventType): Array<fc.Arbitrary<InvalidCase>> {
  const ownFields = new Set([...eventType.requiredPaths, ...eventType.optionalPaths]);
  return catalogue.types
    .filter((other) => other.type !== eventType.type && other.requiredPaths.some((path) => path.startsWith('/data/') && !ownFields.has(path)))
    .slice(0, 3)
    .map((other) =>
      eventArbitrary(eventType).map((event) =>
        eventCase(eventType, 'type-data-mismatch', `type-data-mismatch ${other.type}`, { ...event, [catalogue.discriminator]: other.type }, `/${catalogue.discriminator}`),
      ),
    );
}

/** Built once and shared (building a regular expression's arbitrary takes milliseconds; an arbitrary holds no state). */
const unknownTypeSuffix = lazy(() => fc.stringMatching(/^[a-z]{1,10}\/[a-z-]{1,12}$/));

function unknownTypeArbitrary(catalogue: EventCatalogue, eventType: EventType): fc.Arbitrary<InvalidCase> {
  const name = unknownTypeSuffix().map((suffix) => `hookproof-unknown/${suffix}`);
  return fc
    .tuple(
      eventArbitrary(eventType),
      name.filter((n) => !catalogue.has(n)),
    )
    .map(([event, type]) => eventCase(eventType, 'unknown-type', 'unknown-type', { ...event, [catalogue.discriminator]: type }, `/${catalogue.discriminator}`));
}

/** A strict prefix of a JSON object is never JSON: its outer brace is never closed. */
function notJsonArbitrary(eventType: EventType): fc.Arbitrary<InvalidCase> {
  const truncated = fc.tuple(eventArbitrary(eventType), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true })).map(([event, at]) => {
    const text = compactJson(event);
    return text.slice(0, 1 + Math.floor(at * (text.length - 1)));
  });
  const garbage = fc.constantFrom('not json', '<?xml version="1.0"?><event/>', 'id=1&type=ping', '{"id": }', '\u0000\u0001');
  return fc.oneof(truncated, garbage).map((text) => bodyCase(eventType, 'not-json', Buffer.from(text, 'utf8')));
}

function eventCase(eventType: EventType, kind: InvalidKind, label: string, event: unknown, pointer: string): InvalidCase {
  return { label, kind, pointer, sourceType: eventType.type, event, body: serialiseEvent(event) };
}

function bodyCase(eventType: EventType, kind: InvalidKind, body: Buffer): InvalidCase {
  return { label: kind, kind, sourceType: eventType.type, body };
}
