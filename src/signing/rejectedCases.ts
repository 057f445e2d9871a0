import fc from 'fast-check';
import { describeSecret, joinDigests, makeCase, receiverDigest, type CaseContext } from './caseContext';
import { changeOneByte } from './changeOneByte';
import { hmacSha512Hex } from './digest';
import type { SignatureCase } from './signatureLabels';
import { gridx } from '../contract/gridx';

/** SIG-2: the request carries no `X-Signature` header at all. */
export function missingHeaderCase(context: CaseContext): fc.Arbitrary<SignatureCase> {
  return fc.constant(null).map(() => makeCase('missing-header', undefined, context.body, 'no X-Signature header'));
}

/** SIG-3: one well-formed digest, made with a secret the receiver does not hold. */
export function wrongSecretCase(context: CaseContext): fc.Arbitrary<SignatureCase> {
  return context.otherSecret.map((secret) =>
    makeCase('wrong-secret', joinDigests([hmacSha512Hex(context.body, secret)]), context.body, '1 digest, made with a secret the receiver does not hold'),
  );
}

/** SIG-4: signed correctly with a receiver secret, then one byte of the body changed. */
export function bodyChangedCase(context: CaseContext): fc.Arbitrary<SignatureCase> {
  return fc.record({ digest: receiverDigest(context), changed: changeOneByte(context.body) }).map(({ digest, changed }) => ({
    ...makeCase('body-changed', joinDigests([digest.hex]), changed.bytes, `signed with ${describeSecret(context, digest.secretIndex)}, then ${changed.detail}`),
    signedBody: Buffer.from(context.body),
  }));
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
