import fc from 'fast-check';
import { eventArbitrary, type EventArbitraryOptions, type GeneratedEvent } from '../arbitraries';
import type { EventType } from '../schemas/catalogue';
import type { DeliveryResult } from '../delivery';
import { serialiseEvent } from '../serialise';
import { sign, signatureCaseArbitrary } from '../signing';
import { labelExpectation, type SignatureCase, type SignatureLabel } from '../contract/signatureLabels';
import { forgedAnswerNeedsControl, judgeAcceptance } from './attribution';
import type { CheckContext, OutgoingCase, PropertySpec } from './checkContext';
import { secretsNeeded, signatureRecipe } from '../evidence/signatureRecipe';
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
 * The control of an accepted signature form (rotation, upper-case hex, "," joined): the same body
 * with one lower-case digest made with the secret whose digest the case carried.
 */
export function singleDigestControl(ctx: CheckContext, eventType: string, body: Buffer, header: string | undefined): OutgoingCase {
  const secretIndex = secretsNeeded(signatureRecipe(body, header, ctx.secrets))[0] ?? 0;
  const secret = ctx.secrets[secretIndex] ?? ctx.secrets[0] ?? '';
  return { label: "the same body with a single lower-case digest (gridX's usual form)", eventType, variant: 'valid', body, signature: sign(body, [secret]) };
}

/**
 * The control of a SIG-9 form (upper-case hex, digests joined by "," with no space): the same
 * digests in gridX's canonical form (lower-case, joined by ", "). With several digests that form
 * is a rotation header, so a receiver that reads only the first digest has its SIG-9 case blocked
 * by SIG-6, the bug it really has, not warned about SIG-9. A single digest: the single-digest control.
 */
export function canonicalFormControl(ctx: CheckContext, eventType: string, body: Buffer, header: string | undefined): OutgoingCase {
  const digests = (header ?? '')
    .split(',')
    .map((d) => d.trim().toLowerCase())
    .filter((d) => d !== '');
  if (digests.length < 2) return singleDigestControl(ctx, eventType, body, header);
  return {
    label: `the same ${digests.length} digests in gridX's canonical form (lower-case, joined by ", ")`,
    eventType,
    variant: 'signature:rotation',
    body,
    signature: digests.join(', '),
    refusalBreaks: 'SIG-6',
  };
}

/**
 * The control of a forged request answered 404, 405 or 3xx (see forgedAnswerNeedsControl): the
 * same body, correctly signed. Any other wrong answer to a forged request is the signature check's own.
 */
export function forgedControl(ctx: CheckContext, eventType: string | undefined, body: Buffer, result: DeliveryResult): OutgoingCase | undefined {
  if (!forgedAnswerNeedsControl(result)) return undefined;
  return { label: 'the same body, correctly signed', ...(eventType !== undefined ? { eventType } : {}), variant: 'valid', body, signature: ctx.sign(body) };
}

/**
 * The common property of signature checks: a valid event of a subscribed type, signed (or forged)
 * as `label` says; accepted labels must get a success status, forged ones a 401. A single valid
 * digest that is refused counts against SIG-1 only when the refusal is a 401 (any other refusal is
 * the event's, EVT-1); the other accepted forms count only when their single-digest control is
 * accepted (see `attribution.ts`).
 */
export function signatureProperty(ctx: CheckContext, label: SignatureLabel, runs?: number): PropertySpec<SignedCase> {
  const discriminator = ctx.engine.catalogue.discriminator;
  // The event only carries the signature: shrinking it would spend the shrink budget on nothing,
  // so only the signature case shrinks.
  const arbitrary = fc
    .noShrink(eventsOf(ctx.types, { maxBytes: ctx.maxEventBytes }))
    .chain((event) => signatureCaseArbitrary(serialiseEvent(event), ctx.secrets, [label]).map((signature) => ({ eventType: String(event[discriminator]), signature })));
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
      ...(signature.signedBody !== undefined ? { signedBody: signature.signedBody } : {}),
    }),
    judge: (_value, result) => (!accept ? expectUnauthorized(result) : label === 'valid-single' ? judgeAcceptance('SIG-1', result) : expectSuccess(result)),
    ...(accept && label !== 'valid-single'
      ? {
          control: ({ eventType, signature }: SignedCase) =>
            (label === 'uppercase-hex' || label === 'no-space-separator' ? canonicalFormControl : singleDigestControl)(ctx, eventType, signature.body, signature.header),
        }
      : {}),
    ...(!accept ? { control: ({ eventType, signature }: SignedCase, result: DeliveryResult) => forgedControl(ctx, eventType, signature.body, result) } : {}),
  };
}
