/** Names one kind of signed (or forged) request a receiver must answer; each belongs to one SIG-n. */
export type SignatureLabel =
  | 'valid-single'
  | 'rotation'
  | 'uppercase-hex'
  | 'no-space-separator'
  | 'missing-header'
  | 'empty-value'
  | 'wrong-secret'
  | 'body-changed'
  | 'no-prefix'
  | 'sha256-prefix'
  | 'sha1-prefix'
  | 'non-hex'
  | 'too-short'
  | 'too-long'
  | 'truncated-64'
  | 'garbage-around'
  | 'none-matching'
  | 'near-miss'
  | 'near-miss-rotation';

/** The receiver-contract requirements a signature case can cite (SIG-8, 10, 11 need other evidence). */
export type SignatureRequirement = 'SIG-1' | 'SIG-2' | 'SIG-3' | 'SIG-4' | 'SIG-5' | 'SIG-6' | 'SIG-7' | 'SIG-9' | 'SIG-12';

/** One request to send and the answer a conformant receiver must give it. */
export interface SignatureCase {
  label: SignatureLabel;
  requirement: SignatureRequirement;
  expected: 'accept' | 'reject';
  /** The `X-Signature` value; `undefined` means send no `X-Signature` header at all. */
  header: string | undefined;
  /** The exact bytes to send (for `body-changed`, the changed bytes). */
  body: Buffer;
  /** For `body-changed`: the bytes the digest was made over, before the change. */
  signedBody?: Buffer;
  /** Human-readable, e.g. "3 digests, the matching one at position 2". Never built from a secret. */
  detail: string;
}

const REQUIREMENT: Readonly<Record<SignatureLabel, SignatureRequirement>> = {
  'valid-single': 'SIG-1',
  rotation: 'SIG-6',
  'uppercase-hex': 'SIG-9',
  'no-space-separator': 'SIG-9',
  'missing-header': 'SIG-2',
  'empty-value': 'SIG-5',
  'wrong-secret': 'SIG-3',
  'body-changed': 'SIG-4',
  'no-prefix': 'SIG-5',
  'sha256-prefix': 'SIG-5',
  'sha1-prefix': 'SIG-5',
  'non-hex': 'SIG-5',
  'too-short': 'SIG-5',
  'too-long': 'SIG-5',
  'truncated-64': 'SIG-5',
  'garbage-around': 'SIG-5',
  'none-matching': 'SIG-7',
  'near-miss': 'SIG-12',
  'near-miss-rotation': 'SIG-12',
};

/** Every label, accepted cases first; the order of generated test vectors. */
export const SIGNATURE_LABELS: readonly SignatureLabel[] = Object.freeze(Object.keys(REQUIREMENT) as SignatureLabel[]);

/** The requirement a case with this label is evidence for. */
export function labelRequirement(label: SignatureLabel): SignatureRequirement {
  return REQUIREMENT[label];
}

/** Whether a conformant receiver accepts a case with this label. */
export function labelExpectation(label: SignatureLabel): SignatureCase['expected'] {
  return ACCEPTED.has(label) ? 'accept' : 'reject';
}

const ACCEPTED: ReadonlySet<SignatureLabel> = new Set<SignatureLabel>(['valid-single', 'rotation', 'uppercase-hex', 'no-space-separator']);
