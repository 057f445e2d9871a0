import fc from 'fast-check';
import { InternalError } from '../../errors';
import { gridx } from '../../contract/gridx';
import { changeOneByte } from '../../signing/changeOneByte';
import { buildSignatureCase, type SignatureCaseChoice } from '../../signing/signatureCases';
import type { SigningPlan } from './providerStates';

/**
 * The signature header value `plan` asks for over `body`, the exact bytes sent, or undefined when
 * the request must carry no signature. `secrets[0]` is the receiver's secret.
 *
 * The case is made by the one signature-case builder (`buildSignatureCase`, the one certify draws
 * its cases through); only its choices are fixed here, so a contract's example header is the same
 * on every generation: forged digests use public secrets that are none of `secrets`, the near miss
 * changes the last hex digit, and the changed body of `body-changed` is the first `changeOneByte`
 * draws for seed 4. For `body-changed` the bytes sent are the contract's own and the digest is of
 * the changed copy, since a pact's body is fixed.
 */
export function planSignature(plan: SigningPlan, body: Uint8Array, secrets: readonly string[]): string | undefined {
  if (secrets.length === 0) throw new InternalError('planSignature needs the receiver secret');
  const { signed, choice } = caseFor(plan, body, secrets);
  return buildSignatureCase(signed, secrets, choice).header;
}

/** The bytes the case signs and the choices that make it. */
function caseFor(plan: SigningPlan, body: Uint8Array, secrets: readonly string[]): { signed: Uint8Array; choice: SignatureCaseChoice } {
  switch (plan.label) {
    case 'valid-single':
      return { signed: body, choice: { label: 'valid-single', secretIndex: 0 } };
    case 'missing-header':
      return { signed: body, choice: { label: 'missing-header' } };
    case 'wrong-secret':
      return { signed: body, choice: { label: 'wrong-secret', secret: foreignSecret(secrets, 1) } };
    case 'body-changed':
      // The digest is of a changed copy; the contract's own bytes are what is sent.
      return { signed: changedCopy(body), choice: { label: 'body-changed', secretIndex: 0, changed: { bytes: body, detail: "the contract's body sent as it is" } } };
    case 'near-miss':
      return { signed: body, choice: { label: 'near-miss', secretIndex: 0, at: LAST_HEX_DIGIT, shift: 'lowest-other' } };
    case 'rotation': {
      // Digest n (1-based) is made with retired secret n, but the receiver's at `position`.
      const others = Array.from({ length: plan.digests }, (_, i) => i + 1).filter((n) => n !== plan.position);
      return { signed: body, choice: { label: 'rotation', secretIndex: 0, position: plan.position - 1, otherSecrets: others.map((n) => foreignSecret(secrets, n)) } };
    }
  }
}

/** The near miss a prefix or fixed-length comparison never looks at. */
const LAST_HEX_DIGIT = gridx.signature.hexDigits - 1;

/** A fixed, public secret that is none of the receiver's. */
function foreignSecret(secrets: readonly string[], n: number): string {
  let candidate = `hookproof-retired-secret-${n}`;
  while (secrets.includes(candidate)) candidate += '!';
  return candidate;
}

/** The body as it was signed: the sent body with one byte (in a string value) different. */
function changedCopy(body: Uint8Array): Uint8Array {
  const [changed] = fc.sample(changeOneByte(body), { seed: 4, numRuns: 1 });
  if (changed === undefined) throw new InternalError('changeOneByte produced nothing');
  return changed.bytes;
}
