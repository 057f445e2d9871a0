import fc from 'fast-check';
import { changeOneByte } from '../../signing/changeOneByte';
import { sign } from '../../signing';
import type { SigningPlan } from './providerStates';
import { InternalError } from '../../errors';

/**
 * The signature header value `plan` asks for over `body`, the exact bytes sent, or undefined when
 * the request must carry no signature. `secrets[0]` is the receiver's secret; forged digests use
 * secrets that are none of `secrets`.
 *
 * - valid: one digest under the receiver's secret (SIG-1);
 * - wrong-secret: one digest under another secret (SIG-3);
 * - tampered: a digest under the receiver's secret of the body with one byte changed, i.e. the
 *   body that is sent was changed after signing (SIG-4);
 * - near-miss: the receiver's digest with its last hex digit changed, the one a receiver comparing
 *   a prefix or a fixed length never looks at (SIG-12);
 * - rotation: `digests` digests, the receiver's at `position` (1-based), the others under
 *   retired secrets (SIG-6).
 */
export function signatureForPlan(plan: SigningPlan, body: Uint8Array, secrets: readonly string[]): string | undefined {
  const secret = secrets[0];
  if (secret === undefined) throw new InternalError('signatureForPlan needs the receiver secret');
  switch (plan.kind) {
    case 'valid':
      return sign(body, [secret]);
    case 'absent':
      return undefined;
    case 'wrong-secret':
      return sign(body, [foreignSecret(secrets, 1)]);
    case 'tampered':
      return sign(signedBeforeTampering(body), [secret]);
    case 'near-miss':
      return nearMiss(sign(body, [secret]));
    case 'rotation':
      return sign(
        body,
        Array.from({ length: plan.digests }, (_, i) => (i + 1 === plan.position ? secret : foreignSecret(secrets, i + 1))),
      );
  }
}

/** `sha512=<hex>` with its last hex digit replaced by another value. */
function nearMiss(header: string): string {
  const last = header.charAt(header.length - 1);
  return `${header.slice(0, -1)}${last === '0' ? '1' : '0'}`;
}

/** A fixed, public secret that is none of the receiver's. */
function foreignSecret(secrets: readonly string[], n: number): string {
  let candidate = `hookproof-retired-secret-${n}`;
  while (secrets.includes(candidate)) candidate += '!';
  return candidate;
}

/** The body as it was signed: the sent body with one byte (in a string value) different. */
function signedBeforeTampering(body: Uint8Array): Uint8Array {
  const [changed] = fc.sample(changeOneByte(body), { seed: 4, numRuns: 1 });
  if (changed === undefined) throw new InternalError('changeOneByte produced nothing');
  return changed.bytes;
}
