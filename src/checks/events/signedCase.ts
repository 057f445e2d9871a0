import { serialiseEvent } from '../../serialise';
import type { CheckContext, OutgoingCase } from '../checkContext';

/** A case for a JSON event, signed as gridX signs it over its exact serialised bytes. */
export function signedEventCase(ctx: CheckContext, event: unknown, label: string, eventType: string, variant: string): OutgoingCase {
  const body = serialiseEvent(event);
  return { label, eventType, variant, body, signature: ctx.sign(body) };
}
