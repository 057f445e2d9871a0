import fc from 'fast-check';
import { describeSecret, joinDigests, makeCase, receiverDigestAt, receiverSecretIndex, type CaseContext } from './caseContext';
import { hmacSha512Hex } from './digest';
import type { SignatureCase } from '../contract/signatureLabels';
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

/**
 * Which near miss to make: the receiver secret whose digest it starts from, which hex digit (0 to
 * 127) changes, and how: `shift` (1 to 15) adds that many to the digit's value modulo 16;
 * `'lowest-other'` puts the smallest other digit there ("0", or "1" in place of a "0"), the fixed
 * near miss of a published contract.
 */
export interface NearMissChoice {
  readonly secretIndex: number;
  readonly at: number;
  readonly shift: number | 'lowest-other';
}

/** The near miss a {@link NearMissChoice} asks for. */
export function nearMissOf(context: CaseContext, choice: NearMissChoice): NearMiss {
  const hex = receiverDigestAt(context, choice.secretIndex);
  const old = HEX.indexOf(hex.charAt(choice.at));
  const digit = choice.shift === 'lowest-other' ? (old === 0 ? '1' : '0') : HEX.charAt((old + choice.shift) % 16);
  return { secretIndex: choice.secretIndex, at: choice.at, hex: `${hex.slice(0, choice.at)}${digit}${hex.slice(choice.at + 1)}` };
}

function nearMissChoice(context: CaseContext): fc.Arbitrary<NearMissChoice> {
  return fc
    .record({ digest: receiverSecretIndex(context), at: nearMissPosition, shift: fc.integer({ min: 1, max: 15 }) })
    .map(({ digest, at, shift }) => ({ secretIndex: digest, at, shift }));
}

function nearMiss(context: CaseContext): fc.Arbitrary<NearMiss> {
  return nearMissChoice(context).map((choice) => nearMissOf(context, choice));
}

// The detail never names the original digit: with the report's other text it would give away part of a valid digest.
function describeNearMiss(context: CaseContext, miss: NearMiss): string {
  const where = miss.at === 0 ? 'the first' : miss.at === LAST ? 'the last' : `a middle one (${miss.at + 1} of 128)`;
  return `a digest made with ${describeSecret(context, miss.secretIndex)} with one hex digit changed: ${where}`;
}

/** SIG-12: one canonical digest that differs from a receiver's in exactly one hex digit. */
export function buildNearMiss(context: CaseContext, choice: NearMissChoice): SignatureCase {
  const miss = nearMissOf(context, choice);
  return makeCase('near-miss', joinDigests([miss.hex]), context.body, `1 digest, ${describeNearMiss(context, miss)}`);
}

/** SIG-12: one canonical digest that differs from a receiver's in exactly one hex digit. */
export function nearMissCase(context: CaseContext): fc.Arbitrary<SignatureCase> {
  return nearMissChoice(context).map((choice) => buildNearMiss(context, choice));
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
