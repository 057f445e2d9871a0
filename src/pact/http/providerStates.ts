import { UsageError } from '../../errors';
import { gridx } from '../../contract/gridx';
import type { SignatureLabel } from '../../contract/signatureLabels';
import type { PactProviderState } from './HttpPact';

/** The signature cases an HTTP pact can ask for: the labels of the one vocabulary it uses. */
export type PactSignatureLabel = Extract<SignatureLabel, 'valid-single' | 'missing-header' | 'wrong-secret' | 'body-changed' | 'near-miss' | 'rotation'>;

/**
 * How the verifier signs one request: the signature case (by its label in the one vocabulary) and
 * the header it goes in. The contract says it through the interaction's provider state, so the
 * verifier never guesses from the body which requests to forge.
 */
export type SigningPlan =
  | { readonly label: Exclude<PactSignatureLabel, 'rotation'>; readonly header: string }
  | { readonly label: 'rotation'; readonly header: string; readonly digests: number; readonly position: number };

/** The provider state names, one per label. They are part of the contract: never rename one. */
export const SIGNING_STATES = {
  'valid-single': "the request is signed with the receiver's secret",
  'missing-header': 'the request carries no signature header',
  'wrong-secret': 'the request is signed with a secret the receiver does not hold',
  'body-changed': 'the request body was changed after it was signed',
  'near-miss': "the request carries the receiver's digest with its last hex digit changed",
  rotation: "the request is signed during a secret rotation, the receiver's digest not first",
} as const satisfies Record<PactSignatureLabel, string>;

/** The provider state that asks the verifier for `plan`. */
export function providerStateFor(plan: SigningPlan): PactProviderState {
  const params: PactProviderState['params'] = plan.label === 'rotation' ? { header: plan.header, digests: plan.digests, position: plan.position } : { header: plan.header };
  return { name: SIGNING_STATES[plan.label], params };
}

/**
 * The plan a provider state asks for, or undefined for a state that is not one of hookproof's
 * (the request is then sent as the pact has it). Throws UsageError for one of hookproof's states
 * with parameters it cannot honour.
 */
export function planFromState(name: string, params: unknown): SigningPlan | undefined {
  const label = (Object.keys(SIGNING_STATES) as PactSignatureLabel[]).find((k) => SIGNING_STATES[k] === name);
  if (label === undefined) return undefined;
  const p = typeof params === 'object' && params !== null ? (params as Record<string, unknown>) : {};
  const header = typeof p.header === 'string' && p.header !== '' ? p.header : gridx.signature.header;
  if (label !== 'rotation') return { label, header };
  const digests = p.digests;
  const position = p.position;
  const { max } = gridx.signature.digests;
  if (!isWhole(digests) || digests < 2 || digests > max || !isWhole(position) || position < 2 || position > digests) {
    throw new UsageError(`provider state "${name}" needs params digests (2 to ${max}) and position (2 to digests), got ${JSON.stringify(params)}`);
  }
  return { label, header, digests, position };
}

function isWhole(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value);
}
