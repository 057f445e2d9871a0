import { labelExpectation, SIGNATURE_LABELS, type SignatureLabel } from '../contract/signatureLabels';

/**
 * What a case was, as far as finding the cause goes (a deprecated type counts as valid: it is a
 * valid event of a type the spec still lists):
 * - `valid`: a valid event, correctly signed (a conformant receiver accepts it);
 * - `forged`: a request whose signature must be refused with 401;
 * - `invalid`: a schema-invalid event or a body that is not JSON;
 * - `unknown-type`: a valid envelope of an event type the spec does not know;
 * - `other`: anything else (a hand-made report without variants).
 */
export type CaseKind = 'valid' | 'forged' | 'invalid' | 'unknown-type' | 'other';

// Signature cases that are not SignatureLabels: SIG-8's unusual layouts are correctly signed;
// a field changed after signing is forged.
const EXTRA: Readonly<Record<string, CaseKind>> = { 'raw-body': 'valid', 'field-changed': 'forged' };

/** The kind of a case from its coverage variant ("valid", "invalid:<kind>", "signature:<label>"). */
export function caseKind(variant: string | undefined): CaseKind {
  if (variant === undefined) return 'other';
  // "valid:minimal", "valid:boundary", "valid:extra-properties", "valid:deprecated" are valid too.
  if (variant === 'valid' || variant.startsWith('valid:')) return 'valid';
  if (variant === 'invalid:unknown-type') return 'unknown-type';
  if (variant.startsWith('invalid:')) return 'invalid';
  if (variant.startsWith('signature:')) {
    const label = variant.slice('signature:'.length);
    const extra = EXTRA[label];
    if (extra !== undefined) return extra;
    if ((SIGNATURE_LABELS as readonly string[]).includes(label)) return labelExpectation(label as SignatureLabel) === 'accept' ? 'valid' : 'forged';
  }
  return 'other';
}
