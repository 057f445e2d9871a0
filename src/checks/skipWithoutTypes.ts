import type { CheckOutcome } from './check';

/** Why a check that sends events was skipped when the selection left it no event type. */
export const NO_TYPES_NOTE = 'no non-deprecated event type selected';

/** The same, for signature checks: they need an event to sign. */
export const NO_EVENT_TO_SIGN_NOTE = `${NO_TYPES_NOTE}, so there is no event to sign`;

/**
 * A skip when `types` (the event types a check would send) is empty, with `note` as the reason;
 * undefined when there is something to send, so a check reads `return skipWithoutTypes(ctx.types) ?? …`.
 */
export function skipWithoutTypes(types: readonly unknown[], note: string = NO_TYPES_NOTE): CheckOutcome | undefined {
  return types.length > 0 ? undefined : skipWith(note);
}

/**
 * A skip with `note` as the reason, for a check whose selection gives it nothing it can send (the
 * delivery checks' `envelopeFields` says why as a string: no type selected, or no shared envelope).
 */
export function skipWith(note: string): CheckOutcome {
  return { status: 'skip', cases: 0, failures: [], note };
}
