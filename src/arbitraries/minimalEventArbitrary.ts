import fc from 'fast-check';
import { eventArbitrary, type GeneratedEvent } from './events';
import type { EventType } from '../schemas/catalogue';
import { plainValues } from './plainValues';
import { schemaFields } from '../schemas/schemaFields';
import { withoutPointers } from './withoutPointers';

/** An event with optional fields left out, and which (outermost first, none below another). */
export interface MinimalEvent {
  readonly event: GeneratedEvent;
  readonly omitted: readonly string[];
  /** The same event with every field present (its control: see attribution.ts). */
  readonly full: GeneratedEvent;
}

/**
 * Events that omit every optional field. A failure shrinks by putting fields back one at a time,
 * so a shrunk case omits only the fields whose absence breaks the receiver. Values are plain (see
 * plainValues): absence is the one thing these events vary.
 */
export function minimalEventArbitrary(eventType: EventType): fc.Arbitrary<MinimalEvent> {
  // Fields optional in their parent: leaving one out keeps the event valid whatever else is there.
  const optional = schemaFields(eventType.schema)
    .filter((f) => !f.requiredInParent)
    .map((f) => f.pointer);
  const plain = plainValues(eventType);
  // The values are not what this varies: shrinking them would only resend the same case.
  return fc.tuple(new AllThenFewer(optional), fc.noShrink(eventArbitrary(eventType, { presence: 'full' }))).map(([omitted, event]) => {
    const outermost = omitted.filter((p) => !omitted.some((q) => p.startsWith(`${q}/`)));
    const full = plain(event) as GeneratedEvent;
    return { event: withoutPointers(full, outermost), omitted: outermost, full };
  });
}

/** Always generates every item; shrinks by dropping one item at a time. */
class AllThenFewer extends fc.Arbitrary<readonly string[]> {
  constructor(private readonly items: readonly string[]) {
    super();
  }

  generate(): fc.Value<readonly string[]> {
    return new fc.Value(this.items, undefined);
  }

  canShrinkWithoutContext(value: unknown): value is readonly string[] {
    return Array.isArray(value) && value.every((v) => this.items.includes(v as string));
  }

  shrink(value: readonly string[]): fc.Stream<fc.Value<readonly string[]>> {
    return fc.Stream.of(...value.map((_, i) => new fc.Value([...value.slice(0, i), ...value.slice(i + 1)], undefined)));
  }
}
