import fc from 'fast-check';
import type { EventType } from '../../schemas/catalogue';
import { unusualJsonArbitrary } from '../../serialise';
import { exampleEvent } from '../../arbitraries/exampleEvent';
import { exampleSeed } from '../../arbitraries/exampleSeed';
import type { InteractionSpec } from './httpInteraction';
import { statusResponse, successStatuses } from './statusRules';
import { InternalError } from '../../errors';

/**
 * A description filter (`PACT_DESCRIPTION` for pact-js and the Pact core, `--filter-description`
 * for the stock CLI verifier) that selects every interaction but SIG-8: for verifiers that parse and
 * re-serialise request bodies (pact-js's Verifier proxy), which cannot send SIG-8's layout.
 */
export const WITHOUT_SIG8_FILTER = '^(EVT-[0-9]+|SIG-([1-7]|1[0-9])) ';

/** The rotation the SIG-6 interaction sends: three digests, the receiver's in the middle. */
export const ROTATION = { digests: 3, position: 2 } as const;

/**
 * The authenticity interactions, each over its own valid event of `eventType`: no signature
 * (SIG-2), another secret (SIG-3) and a body changed after signing (SIG-4) and a digest one hex digit
 * off the receiver's (SIG-12) must be refused with 401; a rotation with the receiver's digest not first (SIG-6) must be accepted, and so must an
 * event written as unusual but valid JSON, signed over exactly those bytes (SIG-8).
 */
export function signatureInteractions(eventType: EventType, seed: number, header: string): InteractionSpec[] {
  const event = (id: string): InteractionSpec['event'] => exampleEvent(eventType, exampleSeed(seed, id));
  const common = { schema: eventType.schema, response: statusResponse(401) } as const;
  return [
    { ...common, requirement: 'SIG-2', description: `a request without ${header} is rejected with 401`, plan: { label: 'missing-header', header }, event: event('SIG-2') },
    {
      ...common,
      requirement: 'SIG-3',
      description: 'a request signed with a secret the receiver does not hold is rejected with 401',
      plan: { label: 'wrong-secret', header },
      event: event('SIG-3'),
    },
    {
      ...common,
      requirement: 'SIG-4',
      description: 'a request whose body was changed after signing is rejected with 401',
      plan: { label: 'body-changed', header },
      event: event('SIG-4'),
      notes: ['The digest is of the body with one byte of a string value changed; the body sent is the example.'],
    },
    {
      ...common,
      requirement: 'SIG-6',
      description: `a request with ${ROTATION.digests} digests, the receiver's at position ${ROTATION.position}, is accepted`,
      plan: { label: 'rotation', header, ...ROTATION },
      event: event('SIG-6'),
      response: statusResponse(202, successStatuses()),
      notes: ['During a secret rotation gridX signs with several secrets; the receiver must accept a matching digest at any position.'],
    },
    {
      ...common,
      requirement: 'SIG-8',
      description: 'an event written as unusual but valid JSON, signed over its exact bytes, is accepted',
      plan: { label: 'valid-single', header },
      ...unusualBody(event('SIG-8'), exampleSeed(seed, 'SIG-8 layout')),
      response: statusResponse(202, successStatuses()),
      notes: [
        'Whitespace between tokens, another key order and \\u escapes: the digest is over these bytes, so a receiver that parses and re-serialises the JSON before verifying computes another digest.',
        `Only a verifier that sends bodies byte for byte can check this (the stock Pact CLI verifier, hookproof pact verify). One that re-serialises them (pact-js's Verifier) must skip it: PACT_DESCRIPTION='${WITHOUT_SIG8_FILTER}', or generate with --for pact-js.`,
      ],
    },
    {
      ...common,
      requirement: 'SIG-12',
      description: "a request whose digest differs from the receiver's in its last hex digit is rejected with 401",
      plan: { label: 'near-miss', header },
      event: event('SIG-12'),
      notes: ['A receiver that compares only a prefix of the digest (or a fixed number of digits) accepts this request.'],
    },
  ];
}

/** The event and its unusual layout (see unusualJsonArbitrary), drawn with `seed`. */
function unusualBody(event: InteractionSpec['event'], seed: number): Pick<InteractionSpec, 'event' | 'bytes'> {
  const [text] = fc.sample(unusualJsonArbitrary(event), { seed, numRuns: 1 });
  if (text === undefined) throw new InternalError('unusualJsonArbitrary produced nothing');
  return { event, bytes: Buffer.from(text, 'utf8') };
}
