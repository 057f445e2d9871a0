import { serialiseEvent } from '../serialise/compactJson';

/**
 * The default body-size budget: no generated body is larger unless the run asks for more
 * (`--max-event-bytes`). gridX events are a few KB, and common body parsers refuse bodies above
 * 100 KB by default (Express's `express.raw()` and `express.json()`): a budget of 64 KiB keeps every
 * case below them, so a sound receiver on default settings is never refused for size by hookproof.
 */
export const DEFAULT_MAX_EVENT_BYTES = 64 * 1024;

/** Whether the event, serialised as it is sent, fits in `maxBytes`. */
export function fitsBudget(event: unknown, maxBytes: number): boolean {
  return serialiseEvent(event).length <= maxBytes;
}
