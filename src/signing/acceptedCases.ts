import fc from 'fast-check';
import { describeSecret, joinDigests, makeCase, receiverDigest, receiverDigestAt, receiverSecretIndex, type CaseContext } from './caseContext';
import { hmacSha512Hex } from './digest';
import type { SignatureCase } from '../contract/signatureLabels';
import { gridx } from '../contract/gridx';

/** SIG-1: one digest, made with the receiver secret at `secretIndex`. */
export function buildValidSingle(context: CaseContext, secretIndex: number): SignatureCase {
  return makeCase('valid-single', joinDigests([receiverDigestAt(context, secretIndex)]), context.body, `1 digest, made with ${describeSecret(context, secretIndex)}`);
}

/** SIG-1: one digest, made with one of the receiver's secrets. */
export function validSingleCase(context: CaseContext): fc.Arbitrary<SignatureCase> {
  return receiverSecretIndex(context).map((secretIndex) => buildValidSingle(context, secretIndex));
}

/**
 * What a header with one matching digest among others is made of: the secrets the receiver does
 * not hold (their digests, in order), the receiver secret that signs, and the 0-based position its
 * digest is inserted at (at most `otherSecrets.length`).
 */
export interface OneMatching {
  readonly otherSecrets: readonly string[];
  readonly secretIndex: number;
  readonly position: number;
}

/** SIG-6: canonical digests, exactly the one at `choice.position` made with a receiver secret. */
export function buildRotation(context: CaseContext, choice: OneMatching): SignatureCase {
  const digests = oneMatchingDigests(context, choice);
  return makeCase('rotation', joinDigests(digests), context.body, `${digests.length} digests, the matching one at position ${choice.position + 1}`);
}

/** SIG-6: 2 to 5 canonical digests, exactly one made with a receiver secret. */
export function rotationCase(context: CaseContext): fc.Arbitrary<SignatureCase> {
  return oneMatching(context, 2).map((choice) => buildRotation(context, choice));
}

/** SIG-9: 1 to 5 upper-case digests, one matching, joined by `, `. */
export function uppercaseHexCase(context: CaseContext): fc.Arbitrary<SignatureCase> {
  return oneMatching(context, 1).map((choice) => {
    const digests = oneMatchingDigests(context, choice);
    return makeCase(
      'uppercase-hex',
      joinDigests(digests.map((hex) => hex.toUpperCase())),
      context.body,
      `${countDigests(digests.length)} in upper-case hex, the matching one at position ${choice.position + 1}`,
    );
  });
}

/** SIG-9: 2 to 5 lower-case digests, one matching, joined by `,` with no space. */
export function noSpaceSeparatorCase(context: CaseContext): fc.Arbitrary<SignatureCase> {
  return oneMatching(context, 2).map((choice) => {
    const digests = oneMatchingDigests(context, choice);
    return makeCase(
      'no-space-separator',
      joinDigests(digests, ','),
      context.body,
      `${digests.length} digests joined by "," without a space, the matching one at position ${choice.position + 1}`,
    );
  });
}

/** At most this many secrets sign a gridX request, so a header holds at most this many digests. */
const MAX_DIGESTS = gridx.signature.digests.max;

/**
 * `minDigests`..5 digests where only the one at `position` is a receiver's. Built from independent
 * parts rather than `chain`, so each shrinks on its own: fewer digests, position 0, first secret.
 */
function oneMatching(context: CaseContext, minDigests: number): fc.Arbitrary<OneMatching> {
  return fc
    .record({
      others: fc.uniqueArray(context.otherSecret, { minLength: minDigests - 1, maxLength: MAX_DIGESTS - 1, size: 'max' }),
      position: fc.nat({ max: MAX_DIGESTS - 1 }),
      matching: receiverDigest(context),
    })
    .map(({ others, position, matching }) => ({ otherSecrets: others, secretIndex: matching.secretIndex, position: position % (others.length + 1) }));
}

/** The digests of a {@link OneMatching} choice, in header order. */
function oneMatchingDigests(context: CaseContext, choice: OneMatching): string[] {
  const digests = choice.otherSecrets.map((secret) => hmacSha512Hex(context.body, secret));
  digests.splice(choice.position, 0, receiverDigestAt(context, choice.secretIndex));
  return digests;
}

function countDigests(count: number): string {
  return count === 1 ? '1 digest' : `${count} digests`;
}
