import fc from 'fast-check';
import { UsageError } from '../errors';
import { noSpaceSeparatorCase, rotationCase, uppercaseHexCase, validSingleCase } from './acceptedCases';
import { caseContext, type CaseContext } from './caseContext';
import { emptyValueCase, garbageAroundCase, noPrefixCase, nonHexCase, sha1PrefixCase, sha256PrefixCase, tooLongCase, tooShortCase, truncated64Case } from './malformedHeaderCases';
import { nearMissCase, nearMissRotationCase } from './nearMissCases';
import { bodyChangedCase, missingHeaderCase, noneMatchingCase, wrongSecretCase } from './rejectedCases';
import { SIGNATURE_LABELS, type SignatureCase, type SignatureLabel } from './signatureLabels';

export { SIGNATURE_LABELS, labelRequirement, type SignatureCase, type SignatureLabel, type SignatureRequirement } from './signatureLabels';

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
