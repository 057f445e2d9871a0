import { UsageError } from '../errors';
import type { EventCatalogue, EventType } from './catalogue';

/** Which event types a run, a pact or a generator is about. */
export interface EventTypeSelection {
  /**
   * Only these event types (the ones the receiver subscribes to), deprecated ones included when
   * named; a name the spec does not define throws UnknownEventTypeError, an empty list a
   * UsageError. Default: see
   * `includeDeprecated`.
   */
  readonly types?: readonly string[];
  /** Without `types`: also the deprecated types (default false: every type that is not deprecated). */
  readonly includeDeprecated?: boolean;
}

/**
 * The selected event types, each once and in catalogue order, so that the order in which
 * `--types` names them changes nothing (the same seed draws the same events, a pact file is the
 * same bytes).
 */
export function selectEventTypes(catalogue: EventCatalogue, selection: EventTypeSelection = {}): EventType[] {
  if (selection.types !== undefined) {
    const named = new Set(selection.types.map((type) => catalogue.get(type)));
    if (named.size === 0) throw new UsageError('--types names no event type');
    return catalogue.types.filter((t) => named.has(t));
  }
  return catalogue.types.filter((t) => !t.deprecated || selection.includeDeprecated === true);
}
