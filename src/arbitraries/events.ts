import { selectEventTypes } from '../schemas/selectEventTypes';
import fc from 'fast-check';
import type { EventCatalogue, EventType } from '../schemas/catalogue';
import { schemaArbitrary, type Presence } from './schemaArbitrary';
import { fitsBudget } from './bodyBudget';

/** A generated event: a JSON object as it will be serialised. */
export type GeneratedEvent = Record<string, unknown>;

export interface EventArbitraryOptions {
  /** Which optional fields appear: random (default), or only the required ones, or all of them. */
  readonly presence?: Presence | 'mixed';
  /** Add unknown properties to the envelope and to `data` (default false). */
  readonly extraProperties?: boolean;
  /** JSON pointers of optional fields that must be present. */
  readonly forcePresent?: ReadonlySet<string>;
  /** No event larger than this many bytes as sent (see `bodyBudget.ts`); default: no limit. */
  readonly maxBytes?: number;
}

/**
 * Valid events of one type. By default ("mixed") a sixth of the events carry no optional field
 * at all and a sixth carry every one, so both extremes are always exercised.
 */
export function eventArbitrary(eventType: EventType, options: EventArbitraryOptions = {}): fc.Arbitrary<GeneratedEvent> {
  // Built once per type and options, then shared: building walks the whole schema, and a run asks
  // for thousands (each invalid case forces its own fields present), often the same again; an
  // arbitrary holds no state, so a shared one draws exactly the same events.
  let ofType = built.get(eventType);
  if (ofType === undefined) {
    ofType = new Map();
    built.set(eventType, ofType);
  }
  const key = optionsKey(options);
  let arbitrary = ofType.get(key);
  if (arbitrary === undefined) {
    arbitrary = buildEventArbitrary(eventType, options);
    ofType.set(key, arbitrary);
  }
  return arbitrary;
}

const built = new WeakMap<EventType, Map<string, fc.Arbitrary<GeneratedEvent>>>();

/** Everything of the options that building reads, as one string (the pointers' order does not matter: only membership is read). */
function optionsKey(options: EventArbitraryOptions): string {
  const forced = options.forcePresent === undefined ? '-' : JSON.stringify([...options.forcePresent].sort());
  return JSON.stringify([options.presence ?? 'mixed', options.extraProperties ?? false, options.maxBytes ?? null, forced]);
}

function buildEventArbitrary(eventType: EventType, options: EventArbitraryOptions): fc.Arbitrary<GeneratedEvent> {
  const presence = options.presence ?? 'mixed';
  const build = (p: Presence): fc.Arbitrary<GeneratedEvent> =>
    schemaArbitrary(eventType.schema, {
      presence: p,
      extraProperties: options.extraProperties ?? false,
      ...(options.forcePresent !== undefined ? { forcePresent: options.forcePresent } : {}),
    }) as fc.Arbitrary<GeneratedEvent>;
  const events =
    presence !== 'mixed'
      ? build(presence)
      : fc.oneof({ weight: 4, arbitrary: build('random') }, { weight: 1, arbitrary: build('minimal') }, { weight: 1, arbitrary: build('full') });
  // Ordinary events are a few KB (see strings.ts), so this rarely drops one, even at the smallest budget.
  const { maxBytes } = options;
  return maxBytes === undefined ? events : events.filter((event) => fitsBudget(event, maxBytes));
}

export interface AnyEventOptions extends EventArbitraryOptions {
  /** Limit to these event types (default: all). */
  readonly types?: readonly string[];
  /** Include deprecated types (default: false, as every check but EVT-5 does). */
  readonly includeDeprecated?: boolean;
}

/** Valid events over all (selected) types, each type equally likely. */
export function anyEventArbitrary(catalogue: EventCatalogue, options: AnyEventOptions = {}): fc.Arbitrary<GeneratedEvent> {
  const types = selectEventTypes(catalogue, options);
  return fc.oneof(...types.map((t) => eventArbitrary(t, options)));
}
