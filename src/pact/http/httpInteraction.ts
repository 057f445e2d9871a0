import type { GeneratedEvent } from '../../arbitraries';
import { requirement, type RequirementId } from '../../contract/requirements';
import { serialiseEvent } from '../../serialise';
import type { HttpInteraction, HttpPactResponse } from './HttpPact';
import { providerStateFor, type SigningPlan } from './providerStates';
import { exactBody } from './exactBody';
import { bodyMatchingRules } from './schemaMatchers';
import { planSignature } from './planSignature';

/**
 * The public placeholder secret of the example `X-Signature` values in a generated contract. The
 * verifier replaces every one of them with a signature computed over the bytes it sends.
 */
export const EXAMPLE_SECRET = 'hookproof-pact-example-secret';

/** Where and how gridX sends requests: the same for every interaction of a contract. */
export interface RequestTarget {
  readonly path: string;
  readonly query?: Readonly<Record<string, readonly string[]>>;
  readonly mediaType: string;
  /** The signature header's grammar, from the spec. */
  readonly signaturePattern: string;
}

/** What one interaction states. */
export interface InteractionSpec {
  readonly requirement: RequirementId;
  /** Without the requirement ID, which is prefixed. */
  readonly description: string;
  readonly plan: SigningPlan;
  readonly event: GeneratedEvent;
  /** The exact bytes sent, when not the event as hookproof serialises it (SIG-8's unusual layout). */
  readonly bytes?: Uint8Array;
  /** The JSON Schema of the event's body: the source of the body matchers. */
  readonly schema: unknown;
  readonly response: HttpPactResponse;
  readonly notes?: readonly string[];
}

/**
 * One V4 HTTP interaction: the signed (or forged) POST of one event, and the expected status. The
 * body is written as its exact bytes, so any Pact verifier sends what the example signature signs;
 * the matching rules, derived from the parsed event, describe its shape.
 */
export function httpInteraction(spec: InteractionSpec, target: RequestTarget): HttpInteraction {
  const body = spec.bytes ?? serialiseEvent(spec.event);
  const signature = planSignature(spec.plan, body, [EXAMPLE_SECRET]);
  const { id, severity, summary } = requirement(spec.requirement);
  return {
    type: 'Synchronous/HTTP',
    description: `${id} ${spec.description}`,
    providerStates: [providerStateFor(spec.plan)],
    comments: {
      text: [`${id} (${severity}): ${summary}.`, ...(spec.notes ?? [])],
    },
    request: {
      method: 'POST',
      path: target.path,
      ...(target.query !== undefined ? { query: target.query } : {}),
      headers: {
        'Content-Type': [target.mediaType],
        ...(signature !== undefined ? { [spec.plan.header]: [signature] } : {}),
      },
      body: exactBody(body, target.mediaType),
      matchingRules: {
        body: bodyMatchingRules(spec.schema, spec.event),
        ...(signature !== undefined
          ? { header: { [spec.plan.header]: { combine: 'AND' as const, matchers: [{ match: 'regex' as const, regex: target.signaturePattern }] } } }
          : {}),
      },
    },
    response: spec.response,
  };
}
