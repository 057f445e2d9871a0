import { UsageError } from '../../errors';
import type { PactProviderState } from './HttpPact';

/**
 * How the verifier signs one request. The contract says it through the interaction's provider
 * state, so the verifier never guesses from the body which requests to forge.
 */
export type SigningPlan =
  | { readonly kind: 'valid'; readonly header: string }
  | { readonly kind: 'absent'; readonly header: string }
  | { readonly kind: 'wrong-secret'; readonly header: string }
  | { readonly kind: 'tampered'; readonly header: string }
  | { readonly kind: 'near-miss'; readonly header: string }
  | { readonly kind: 'rotation'; readonly header: string; readonly digests: number; readonly position: number };

/** The provider state names, one per kind of plan. They are part of the contract: never rename one. */
export const SIGNING_STATES = {
  valid: "the request is signed with the receiver's secret",
  absent: 'the request carries no signature header',
  'wrong-secret': 'the request is signed with a secret the receiver does not hold',
  tampered: 'the request body was changed after it was signed',
  'near-miss': "the request carries the receiver's digest with its last hex digit changed",
  rotation: "the request is signed during a secret rotation, the receiver's digest not first",
} as const satisfies Record<SigningPlan['kind'], string>;

/** gridX signs with at most the five most recent secrets. */
const MAX_DIGESTS = 5;

/** The provider state that asks the verifier for `plan`. */
export function providerStateFor(plan: SigningPlan): PactProviderState {
  const params: PactProviderState['params'] = plan.kind === 'rotation' ? { header: plan.header, digests: plan.digests, position: plan.position } : { header: plan.header };
  return { name: SIGNING_STATES[plan.kind], params };
}

/**
 * The plan a provider state asks for, or undefined for a state that is not one of hookproof's
 * (the request is then sent as the pact has it). Throws UsageError for one of hookproof's states
 * with parameters it cannot honour.
 */
export function planFromState(name: string, params: unknown): SigningPlan | undefined {
  const kind = (Object.keys(SIGNING_STATES) as Array<SigningPlan['kind']>).find((k) => SIGNING_STATES[k] === name);
  if (kind === undefined) return undefined;
  const p = typeof params === 'object' && params !== null ? (params as Record<string, unknown>) : {};
  const header = typeof p.header === 'string' && p.header !== '' ? p.header : 'X-Signature';
  if (kind !== 'rotation') return { kind, header };
  const digests = p.digests;
  const position = p.position;
  if (!isWhole(digests) || digests < 2 || digests > MAX_DIGESTS || !isWhole(position) || position < 2 || position > digests) {
    throw new UsageError(`provider state "${name}" needs params digests (2 to ${MAX_DIGESTS}) and position (2 to digests), got ${JSON.stringify(params)}`);
  }
  return { kind, header, digests, position };
}

function isWhole(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value);
}
