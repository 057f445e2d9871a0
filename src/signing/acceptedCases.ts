import fc from 'fast-check';
import { describeSecret, joinDigests, makeCase, receiverDigest, type CaseContext } from './caseContext';
import { hmacSha512Hex } from './digest';
import type { SignatureCase } from './signatureLabels';
import { gridx } from '../contract/gridx';

/** SIG-1: one digest, made with one of the receiver's secrets. */
export function validSingleCase(context: CaseContext): fc.Arbitrary<SignatureCase> {
  return receiverDigest(context).map(({ hex, secretIndex }) =>
    makeCase('valid-single', joinDigests([hex]), context.body, `1 digest, made with ${describeSecret(context, secretIndex)}`),
  );
}

/** SIG-6: 2 to 5 canonical digests, exactly one made with a receiver secret. */
export function rotationCase(context: CaseContext): fc.Arbitrary<SignatureCase> {
  return oneMatching(context, 2).map(({ digests, position }) =>
    makeCase('rotation', joinDigests(digests), context.body, `${digests.length} digests, the matching one at position ${position + 1}`),
  );
}

/** SIG-9: 1 to 5 upper-case digests, one matching, joined by `, `. */
export function uppercaseHexCase(context: CaseContext): fc.Arbitrary<SignatureCase> {
  return oneMatching(context, 1).map(({ digests, position }) =>
    makeCase(
      'uppercase-hex',
      joinDigests(digests.map((hex) => hex.toUpperCase())),
      context.body,
      `${countDigests(digests.length)} in upper-case hex, the matching one at position ${position + 1}`,
    ),
  );
}

/** SIG-9: 2 to 5 lower-case digests, one matching, joined by `,` with no space. */
export function noSpaceSeparatorCase(context: CaseContext): fc.Arbitrary<SignatureCase> {
  return oneMatching(context, 2).map(({ digests, position }) =>
    makeCase(
      'no-space-separator',
      joinDigests(digests, ','),
      context.body,
      `${digests.length} digests joined by "," without a space, the matching one at position ${position + 1}`,
    ),
  );
}

/** At most this many secrets sign a gridX request, so a header holds at most this many digests. */
const MAX_DIGESTS = gridx.signature.digests.max;

/**
 * `minDigests`..5 digests where only the one at `position` is a receiver's. Built from independent
 * parts rather than `chain`, so each shrinks on its own: fewer digests, position 0, first secret.
 */
function oneMatching(context: CaseContext, minDigests: number): fc.Arbitrary<{ digests: string[]; position: number }> {
  return fc
    .record({
      others: fc.uniqueArray(context.otherSecret, { minLength: minDigests - 1, maxLength: MAX_DIGESTS - 1, size: 'max' }),
      position: fc.nat({ max: MAX_DIGESTS - 1 }),
      matching: receiverDigest(context),
    })
    .map(({ others, position, matching }) => {
      const digests = others.map((secret) => hmacSha512Hex(context.body, secret));
      const at = position % (digests.length + 1);
      digests.splice(at, 0, matching.hex);
      return { digests, position: at };
    });
}

function countDigests(count: number): string {
  return count === 1 ? '1 digest' : `${count} digests`;
}
