import type { EventType } from '../../schemas/catalogue';
import type { CheckOutcome } from '../check';
import type { CheckContext, PropertyOutcome } from '../checkContext';
import { skipWithoutTypes } from '../skipWithoutTypes';

/**
 * The shape most event checks share: one property (a `ctx.forAll`) per selected event type, run one after another
 * (every type is exercised, and a failure names the type it broke), combined into the check's
 * outcome; a skip when no event type is selected.
 */
export async function propertyPerType(ctx: CheckContext, property: (eventType: EventType) => Promise<PropertyOutcome>): Promise<CheckOutcome> {
  const skip = skipWithoutTypes(ctx.types);
  if (skip !== undefined) return skip;
  const parts: PropertyOutcome[] = [];
  for (const eventType of ctx.types) parts.push(await property(eventType));
  return ctx.outcome(parts);
}
