import fc from 'fast-check';
import { describeSecret, joinDigests, makeCase, receiverDigest, type CaseContext } from './caseContext';
import { hmacSha512Hex } from './digest';
import type { SignatureCase } from './signatureLabels';
import { gridx } from '../contract/gridx';

const HEX = '0123456789abcdef';
const LAST = 127;

/**
 * Where the changed hex digit sits: the first, the last, or one in the middle. The ends are where
 * a prefix or fixed-length comparison stops; any middle digit catches a comparison that skips some.
 */
const nearMissPosition: fc.Arbitrary<number> = fc.oneof(fc.constant(LAST), fc.constant(0), fc.integer({ min: 1, max: LAST - 1 }));

/** A receiver's digest with the hex digit at `at` replaced by another value (never the same digit in another case). */
export interface NearMiss {
  readonly secretIndex: number;
  readonly at: number;
  readonly hex: string;
}

function nearMiss(context: CaseContext): fc.Arbitrary<NearMiss> {
  return fc.record({ digest: receiverDigest(context), at: nearMissPosition, shift: fc.integer({ min: 1, max: 15 }) }).map(({ digest, at, shift }) => {
    const old = HEX.indexOf(digest.hex.charAt(at));
    const digit = HEX.charAt((old + shift) % 16);
    return { secretIndex: digest.secretIndex, at, hex: `${digest.hex.slice(0, at)}${digit}${digest.hex.slice(at + 1)}` };
  });
}

// The detail never names the original digit: with the report's other text it would give away part of a valid digest.
function describeNearMiss(context: CaseContext, miss: NearMiss): string {
  const where = miss.at === 0 ? 'the first' : miss.at === LAST ? 'the last' : `a middle one (${miss.at + 1} of 128)`;
  return `a digest made with ${describeSecret(context, miss.secretIndex)} with one hex digit changed: ${where}`;
}

/** SIG-12: one canonical digest that differs from a receiver's in exactly one hex digit. */
export function nearMissCase(context: CaseContext): fc.Arbitrary<SignatureCase> {
  return nearMiss(context).map((miss) => makeCase('near-miss', joinDigests([miss.hex]), context.body, `1 digest, ${describeNearMiss(context, miss)}`));
}

/**
 * SIG-12 in a rotation header: 2 to 5 canonical digests, none matching, one of them a near miss of
 * a receiver's digest (the others made with secrets the receiver does not hold).
 */
export function nearMissRotationCase(context: CaseContext): fc.Arbitrary<SignatureCase> {
  return fc
    .record({
      others: fc.uniqueArray(context.otherSecret, { minLength: 1, maxLength: gridx.signature.digests.max - 1, size: 'max' }),
      position: fc.nat({ max: gridx.signature.digests.max - 1 }),
      miss: nearMiss(context),
    })
    .map(({ others, position, miss }) => {
      const digests = others.map((secret) => hmacSha512Hex(context.body, secret));
      const at = position % (digests.length + 1);
      digests.splice(at, 0, miss.hex);
      return makeCase(
        'near-miss-rotation',
        joinDigests(digests),
        context.body,
        `${digests.length} digests, none matching; at position ${at + 1}, ${describeNearMiss(context, miss)}`,
      );
    });
}
