import fc from 'fast-check';
import { eventArbitrary, invalidEventArbitrary } from '../../arbitraries';
import type { EventCatalogue, EventType } from '../../schemas/catalogue';
import { serialiseEvent } from '../../serialise';
import { optionalFieldsFiller } from './fillOptional';
import { plainValues } from '../../arbitraries/plainValues';

/** A correctly shaped event under a type name the spec does not define. */
export interface UnknownTypeEvent {
  readonly unknownType: string;
  /** The type whose event it was made from. */
  readonly sourceType: string;
  readonly body: Buffer;
  /** The same event under its own type (the case's control: see attribution.ts). */
  readonly knownBody: Buffer;
}

/**
 * Unknown types in a namespace of their own ("hookproof-unknown/…"), from the engine's invalid
 * cases, complete and with plain values (the type is the one thing these events vary).
 */
export function foreignTypeArbitrary(catalogue: EventCatalogue, types: readonly EventType[]): fc.Arbitrary<UnknownTypeEvent> {
  return fc.oneof(
    ...types.map((t) => {
      const plain = plainValues(t);
      const complete = optionalFieldsFiller(t);
      return fc.tuple(invalidEventArbitrary(catalogue, t, { kinds: ['unknown-type'] }), fc.noShrink(eventArbitrary(t, { presence: 'full' }))).map(([c, full]) => {
        const event = plain(complete(c.event, full)) as Record<string, unknown>;
        return {
          unknownType: String(event[catalogue.discriminator]),
          sourceType: t.type,
          body: serialiseEvent(event),
          knownBody: serialiseEvent({ ...event, [catalogue.discriminator]: t.type }),
        };
      });
    }),
  );
}

/**
 * Unknown types in a family the spec already has ("<family>/hookproof-…"), as gridX adds them:
 * a receiver that routes on the family and then fails on the name is caught here. Undefined when
 * no type has a family (no "/" in its name).
 */
export function siblingTypeArbitrary(catalogue: EventCatalogue, types: readonly EventType[]): fc.Arbitrary<UnknownTypeEvent> | undefined {
  const withFamily = types.filter((t) => t.type.includes('/'));
  if (withFamily.length === 0) return undefined;
  const suffix = fc.stringMatching(/^[a-z]{1,8}(-[a-z]{1,8})?$/);
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
