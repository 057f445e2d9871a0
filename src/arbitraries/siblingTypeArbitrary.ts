import fc from 'fast-check';
import { eventArbitrary } from './events';
import type { EventCatalogue, EventType } from '../schemas/catalogue';
import { serialiseEvent } from '../serialise';
import type { UnknownTypeEvent } from './foreignTypeArbitrary';
import { lazy } from './lazy';
import { plainValues } from './plainValues';

/** Built once and shared (building a regular expression's arbitrary takes milliseconds; an arbitrary holds no state). */
const siblingSuffix = lazy(() => fc.stringMatching(/^[a-z]{1,8}(-[a-z]{1,8})?$/));

/**
 * Unknown types in a family the spec already has ("<family>/hookproof-…"), as gridX adds them:
 * a receiver that routes on the family and then fails on the name is caught here. Undefined when
 * no type has a family (no "/" in its name).
 */
export function siblingTypeArbitrary(catalogue: EventCatalogue, types: readonly EventType[]): fc.Arbitrary<UnknownTypeEvent> | undefined {
  const withFamily = types.filter((t) => t.type.includes('/'));
  if (withFamily.length === 0) return undefined;
  const suffix = siblingSuffix();
  return fc
    .oneof(
      ...withFamily.map((t) => {
        const plain = plainValues(t);
        const family = t.type.slice(0, t.type.lastIndexOf('/'));
        return fc.tuple(fc.noShrink(eventArbitrary(t, { presence: 'full' })), suffix).map(([event, name]) => {
          const unknownType = `${family}/hookproof-${name}`;
          const known = plain(event) as Record<string, unknown>;
          return { unknownType, sourceType: t.type, body: serialiseEvent({ ...known, [catalogue.discriminator]: unknownType }), knownBody: serialiseEvent(known) };
        });
      }),
    )
    .filter((e) => !catalogue.has(e.unknownType));
}
