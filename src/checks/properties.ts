import fc from 'fast-check';
import { eventArbitrary, type EventArbitraryOptions, type GeneratedEvent } from '../arbitraries';
import type { EventType } from '../schemas/catalogue';
import { serialiseEvent } from '../serialise';
import { labelExpectation, signatureCaseArbitrary, type SignatureCase, type SignatureLabel } from '../signing';
import type { CheckContext, PropertySpec } from './checkContext';
import { expectSuccess, expectUnauthorized } from './expectations';

/** Valid events over the given types (each equally likely). */
export function eventsOf(types: readonly EventType[], options: EventArbitraryOptions = {}): fc.Arbitrary<GeneratedEvent> {
  return fc.oneof(...types.map((t) => eventArbitrary(t, options)));
}

/**
 * The common property of event checks: each drawn event is sent correctly signed, and a
 * conformant receiver answers with a success status.
 */
export function acceptedEventsProperty(ctx: CheckContext, name: string, arbitrary: fc.Arbitrary<GeneratedEvent>, variant = 'valid'): PropertySpec<GeneratedEvent> {
  const discriminator = ctx.engine.catalogue.discriminator;
  return {
    name,
    arbitrary,
    toCase: (event) => {
      const body = serialiseEvent(event);
      return { label: name, eventType: String(event[discriminator]), variant, body, signature: ctx.sign(body) };
    },
    judge: (_event, result) => expectSuccess(result),
  };
}

interface SignedCase {
  readonly eventType: string;
  readonly signature: SignatureCase;
}

/**
 * The common property of signature checks: a valid event of a subscribed type, signed (or forged)
 * as `label` says; accepted labels must get a success status, forged ones a 401.
 */
export function signatureProperty(ctx: CheckContext, label: SignatureLabel, runs?: number): PropertySpec<SignedCase> {
  const discriminator = ctx.engine.catalogue.discriminator;
  // The event only carries the signature: shrinking it would spend the shrink budget on nothing,
  // so only the signature case shrinks.
  const arbitrary = fc.noShrink(eventsOf(ctx.types)).chain((event) =>
    signatureCaseArbitrary(serialiseEvent(event), ctx.secrets, [label]).map((signature) => ({ eventType: String(event[discriminator]), signature })),
  );
  const accept = labelExpectation(label) === 'accept';
  return {
    name: label,
    arbitrary,
    ...(runs !== undefined ? { runs } : {}),
    toCase: ({ eventType, signature }) => ({
      label: `${label}: ${signature.detail}`,
      eventType,
      variant: `signature:${label}`,
      body: signature.body,
      signature: signature.header,
    }),
    judge: (_value, result) => (accept ? expectSuccess(result) : expectUnauthorized(result)),
  };
}
