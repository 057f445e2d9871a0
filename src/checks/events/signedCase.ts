import { serialiseEvent } from '../../serialise';
import type { CheckContext, OutgoingCase } from '../checkContext';

/** A case for a JSON event, signed as gridX signs it over its exact serialised bytes. */
export function signedEventCase(ctx: CheckContext, event: unknown, label: string, eventType: string, variant: string): OutgoingCase {
  const body = serialiseEvent(event);
  return { label, eventType, variant, body, signature: ctx.sign(body) };
}

/** Cases per event type for checks that run one property per type: a quarter of --runs, at least `floor`. */
export function runsPerType(ctx: CheckContext, floor = 5, share = 4): number {
  return Math.max(floor, Math.ceil(ctx.runs / share));
}

/** The outcome of a check that has no event type to send. */
export function noTypes(note = 'no non-deprecated event type selected'): { status: 'skip'; cases: 0; failures: []; note: string } {
  return { status: 'skip', cases: 0, failures: [], note };
}
