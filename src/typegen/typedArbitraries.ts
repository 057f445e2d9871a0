import type fc from 'fast-check';
import { anyEventArbitrary, eventArbitrary, type AnyEventOptions, type EventArbitraryOptions } from '../arbitraries/events';
import type { Engine } from '../engine';
import type { GridxEvent, GridxEventOf, GridxEventType } from '../generated/gridxEvents';

/**
 * Valid events of one type, typed by the definitions generated from the bundled spec:
 * `typedEventArbitrary(engine, 'ev/plugged')` is an `fc.Arbitrary<GridxEventOf<'ev/plugged'>>`,
 * so `event.data.state` is `'PLUGGED' | 'UNPLUGGED'`. The values are those of `eventArbitrary`;
 * only the static type is added, so the engine must be built from the bundled spec (or a version
 * with the same shape for that type). Unknown types throw UnknownEventTypeError.
 */
export function typedEventArbitrary<K extends GridxEventType>(engine: Engine, type: K, options: EventArbitraryOptions = {}): fc.Arbitrary<GridxEventOf<K>> {
  return eventArbitrary(engine.catalogue.get(type), options) as unknown as fc.Arbitrary<GridxEventOf<K>>;
}

/** Valid events of every selected type, as the discriminated union `GridxEvent` (narrow on `type`). */
export function anyTypedEventArbitrary(engine: Engine, options: AnyEventOptions & { readonly types?: readonly GridxEventType[] } = {}): fc.Arbitrary<GridxEvent> {
  return anyEventArbitrary(engine.catalogue, options) as unknown as fc.Arbitrary<GridxEvent>;
}
