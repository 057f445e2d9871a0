import fc from 'fast-check';
import { describeSecret, joinDigests, makeCase, receiverDigestAt, receiverSecretIndex, type CaseContext } from './caseContext';
import { changeOneByte, type ChangedBody } from './changeOneByte';
import { hmacSha512Hex } from './digest';
import type { SignatureCase } from '../contract/signatureLabels';
import { gridx } from '../contract/gridx';

/** SIG-2: the request carries no `X-Signature` header at all. */
export function buildMissingHeader(context: CaseContext): SignatureCase {
  return makeCase('missing-header', undefined, context.body, 'no X-Signature header');
}

/** SIG-2: the request carries no `X-Signature` header at all. */
export function missingHeaderCase(context: CaseContext): fc.Arbitrary<SignatureCase> {
  return fc.constant(null).map(() => buildMissingHeader(context));
}

/** SIG-3: one well-formed digest, made with `secret`, which the receiver does not hold. */
export function buildWrongSecret(context: CaseContext, secret: string): SignatureCase {
  return makeCase('wrong-secret', joinDigests([hmacSha512Hex(context.body, secret)]), context.body, '1 digest, made with a secret the receiver does not hold');
}

/** SIG-3: one well-formed digest, made with a secret the receiver does not hold. */
export function wrongSecretCase(context: CaseContext): fc.Arbitrary<SignatureCase> {
  return context.otherSecret.map((secret) => buildWrongSecret(context, secret));
}

/**
 * SIG-4: the context's body signed with the receiver secret at `secretIndex`, and `changed` (one
 * byte away from it) sent instead.
 */
export function buildBodyChanged(context: CaseContext, secretIndex: number, changed: ChangedBody): SignatureCase {
  return {
    ...makeCase(
      'body-changed',
      joinDigests([receiverDigestAt(context, secretIndex)]),
      changed.bytes,
      `signed with ${describeSecret(context, secretIndex)}, then ${changed.detail}`,
    ),
    signedBody: Buffer.from(context.body),
  };
}

/** SIG-4: signed correctly with a receiver secret, then one byte of the body changed. */
export function bodyChangedCase(context: CaseContext): fc.Arbitrary<SignatureCase> {
  return fc.record({ digest: receiverSecretIndex(context), changed: changeOneByte(context.body) }).map(({ digest, changed }) => buildBodyChanged(context, digest, changed));
}

/** SIG-7: 2 to 5 canonical digests, none made with a receiver secret. */
export function noneMatchingCase(context: CaseContext): fc.Arbitrary<SignatureCase> {
  return fc
    .uniqueArray(context.otherSecret, { minLength: 2, maxLength: gridx.signature.digests.max, size: 'max' })
    .map((secrets) =>
      makeCase(
        'none-matching',
        joinDigests(secrets.map((secret) => hmacSha512Hex(context.body, secret))),
        context.body,
        `${secrets.length} digests, none made with a receiver secret`,
      ),
    );
}
