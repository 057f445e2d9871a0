import fc from 'fast-check';
import { UsageError } from '../errors';
import { buildRotation, buildValidSingle, noSpaceSeparatorCase, rotationCase, uppercaseHexCase, validSingleCase, type OneMatching } from './acceptedCases';
import { caseContext, type CaseContext } from './caseContext';
import { emptyValueCase, garbageAroundCase, noPrefixCase, nonHexCase, sha1PrefixCase, sha256PrefixCase, tooLongCase, tooShortCase, truncated64Case } from './malformedHeaderCases';
import type { ChangedBody } from './changeOneByte';
import { buildNearMiss, nearMissCase, nearMissRotationCase, type NearMissChoice } from './nearMissCases';
import { bodyChangedCase, buildBodyChanged, buildMissingHeader, buildWrongSecret, missingHeaderCase, noneMatchingCase, wrongSecretCase } from './rejectedCases';
import { SIGNATURE_LABELS, type SignatureCase, type SignatureLabel } from '../contract/signatureLabels';
import { gridx } from '../contract/gridx';

const CASE_BUILDERS: Readonly<Record<SignatureLabel, (context: CaseContext) => fc.Arbitrary<SignatureCase>>> = {
  'valid-single': validSingleCase,
  rotation: rotationCase,
  'uppercase-hex': uppercaseHexCase,
  'no-space-separator': noSpaceSeparatorCase,
  'missing-header': missingHeaderCase,
  'empty-value': emptyValueCase,
  'wrong-secret': wrongSecretCase,
  'body-changed': bodyChangedCase,
  'no-prefix': noPrefixCase,
  'sha256-prefix': sha256PrefixCase,
  'sha1-prefix': sha1PrefixCase,
  'non-hex': nonHexCase,
  'too-short': tooShortCase,
  'too-long': tooLongCase,
  'truncated-64': truncated64Case,
  'garbage-around': garbageAroundCase,
  'none-matching': noneMatchingCase,
  'near-miss': nearMissCase,
  'near-miss-rotation': nearMissRotationCase,
};

/**
 * Signature cases for one body and the receiver's secrets, drawn evenly from `labels` (default:
 * all). Each case says what a conformant receiver must answer and which SIG-n it is evidence for.
 *
 * SIG-1 to SIG-7 and SIG-12 cases use gridX's canonical form (lower-case hex, digests joined by `, `); only
 * SIG-9 cases use the other forms the spec's pattern allows. Secrets that sign forgeries are never
 * among `receiverSecrets`, and no `detail` is built from a secret.
 *
 * The labels are combined with `fc.oneof` without cross-shrinking, so shrinking a case never
 * changes its label: it goes toward fewer digests, the matching one first, the first secret.
 * Throws `UsageError` when `receiverSecrets` or `labels` is empty or a label is unknown.
 */
export function signatureCaseArbitrary(body: Uint8Array, receiverSecrets: readonly string[], labels: readonly SignatureLabel[] = SIGNATURE_LABELS): fc.Arbitrary<SignatureCase> {
  if (labels.length === 0) throw new UsageError('signature cases need at least one label');
  const unknown = labels.filter((label) => !Object.hasOwn(CASE_BUILDERS, label));
  if (unknown.length > 0) {
    throw new UsageError(`unknown signature case label(s) ${unknown.join(', ')}; known: ${SIGNATURE_LABELS.join(', ')}`);
  }
  const context = caseContext(body, receiverSecrets);
  return fc.oneof(...[...new Set(labels)].map((label) => CASE_BUILDERS[label](context)));
}

/**
 * The choices that make one case of a label, when a caller fixes them instead of drawing them
 * (a published contract's fixed forgeries): which receiver secret signs (`secretIndex`, 0-based),
 * the secrets the receiver does not hold that sign forged digests, where the matching digest sits,
 * which hex digit a near miss changes, how the sent body differs from the signed one.
 */
export type SignatureCaseChoice =
  | { readonly label: 'valid-single'; readonly secretIndex: number }
  | { readonly label: 'missing-header' }
  | { readonly label: 'wrong-secret'; readonly secret: string }
  | { readonly label: 'body-changed'; readonly secretIndex: number; readonly changed: ChangedBody }
  | ({ readonly label: 'near-miss' } & NearMissChoice)
  | ({ readonly label: 'rotation' } & OneMatching);

/**
 * The one case `choice` describes, over `body` and the receiver's secrets: made by the same
 * builders `signatureCaseArbitrary` draws its cases through, so a fixed case and a drawn one of a
 * label differ only in their choices. Throws `UsageError` when a choice contradicts the contract
 * (a forging secret the receiver holds, a position or digest count out of range).
 */
export function buildSignatureCase(body: Uint8Array, receiverSecrets: readonly string[], choice: SignatureCaseChoice): SignatureCase {
  const context = caseContext(body, receiverSecrets);
  const held = new Set(receiverSecrets);
  const index = (secretIndex: number): number => {
    if (!Number.isInteger(secretIndex) || secretIndex < 0 || secretIndex >= receiverSecrets.length) {
      throw new UsageError(`secretIndex ${secretIndex} is not one of the ${receiverSecrets.length} receiver secrets`);
    }
    return secretIndex;
  };
  const forging = (secret: string): string => {
    if (held.has(secret)) throw new UsageError(`a ${choice.label} case cannot forge with a secret the receiver holds`);
    return secret;
  };
  switch (choice.label) {
    case 'valid-single':
      return buildValidSingle(context, index(choice.secretIndex));
    case 'missing-header':
      return buildMissingHeader(context);
    case 'wrong-secret':
      return buildWrongSecret(context, forging(choice.secret));
    case 'body-changed':
      return buildBodyChanged(context, index(choice.secretIndex), choice.changed);
    case 'near-miss': {
      const { at, shift } = choice;
      const hexDigits = gridx.signature.hexDigits;
      if (!Number.isInteger(at) || at < 0 || at >= hexDigits || (shift !== 'lowest-other' && (!Number.isInteger(shift) || shift < 1 || shift > 15))) {
        throw new UsageError(`a near miss changes one of ${hexDigits} hex digits by 1 to 15; got digit ${at}, shift ${shift}`);
      }
      return buildNearMiss(context, { ...choice, secretIndex: index(choice.secretIndex) });
    }
    case 'rotation': {
      const digests = choice.otherSecrets.length + 1;
      const { min, max } = gridx.signature.digests;
      if (digests < min + 1 || digests > max || !Number.isInteger(choice.position) || choice.position < 0 || choice.position >= digests) {
        throw new UsageError(`a rotation has ${min + 1} to ${max} digests with the matching one among them; got ${digests} digests, position ${choice.position}`);
      }
      return buildRotation(context, { ...choice, otherSecrets: choice.otherSecrets.map(forging), secretIndex: index(choice.secretIndex) });
    }
  }
}
