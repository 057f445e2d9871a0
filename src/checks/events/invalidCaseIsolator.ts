import type { InvalidCase } from '../../arbitraries';
import type { EventType } from '../../schemas/catalogue';
import { serialiseEvent } from '../../serialise';
import { optionalFieldsFiller } from '../../arbitraries/fillOptional';
import { plainValues } from '../../arbitraries/plainValues';

/**
 * Makes a case complete (optional fields put back from `full`) and plain everywhere but at the
 * broken field: the breakage is the one thing it varies.
 */
export function invalidCaseIsolator(eventType: EventType): (c: InvalidCase, full: unknown) => InvalidCase {
  const plain = plainValues(eventType);
  const complete = optionalFieldsFiller(eventType);
  return (c, full) => {
    if (c.event === undefined) return c;
    const event = plain(complete(c.event, full, c.pointer), c.pointer);
    return { ...c, event, body: serialiseEvent(event) };
  };
}
