import fc from 'fast-check';
import { eventArbitrary } from './events';
import { invalidEventArbitrary } from './invalid/invalidEvents';
import type { EventCatalogue, EventType } from '../schemas/catalogue';
import { serialiseEvent } from '../serialise';
import { optionalFieldsFiller } from './fillOptional';
import { plainValues } from './plainValues';

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
