import fc from 'fast-check';
import type { GeneratedEvent } from '../../arbitraries/events';
import { eventArbitrary } from '../../arbitraries/events';
import { InternalError } from '../../errors';
import type { EventType } from '../../schemas/catalogue';

/**
 * One valid event of `eventType`, the same for the same seed (and the same hookproof, fast-check
 * and spec versions): every sampling parameter fast-check's global settings could change is pinned.
 */
export function generateEvent(eventType: EventType, seed: number): GeneratedEvent {
  const [event] = fc.sample(eventArbitrary(eventType), { seed, numRuns: 1, path: '', examples: [], randomType: 'xoroshiro128plus' });
  if (event === undefined) throw new InternalError(`no ${eventType.type} event could be generated`);
  return event;
}
