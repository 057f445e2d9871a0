import type { ReportedCheckRequirement } from '../evidence/certificationReport';
import { gridx } from '../contract/gridx';

// What the accepted cases of one kind have in common, as a finding's subject. A plain valid event
// is named by the requirement whose check sent it: a duplicate refused with 409 is a duplicate
// problem, whatever type the event was.
const BY_VARIANT: Readonly<Record<string, string>> = {
  'valid:minimal': 'Valid events without their optional fields',
  'valid:boundary': 'Valid events with boundary values',
  'valid:extra-properties': 'Valid events with unknown extra properties',
  'valid:deprecated': 'Events of deprecated types',
  'signature:rotation': `Correctly signed events with ${gridx.signature.digests.min + 1} to ${gridx.signature.digests.max} digests, one matching (rotation)`,
  'signature:uppercase-hex': 'Correctly signed events with the digest in upper-case hex',
  'signature:no-space-separator': 'Correctly signed events with digests joined by "," (no space)',
  'signature:raw-body': 'Correctly signed events with unusual but valid JSON layout',
};

const BY_REQUIREMENT: Partial<Readonly<Record<ReportedCheckRequirement, string>>> = {
  'DLV-4': 'Second deliveries of the same event (same id, same body)',
  'DLV-5': 'Events delivered out of order',
  'DLV-6': 'Concurrent deliveries',
  'DLV-7': 'Retried deliveries',
};

/**
 * The common cause of a correctly signed, valid case, when its kind names one: its variant (a
 * layout, a signature form, a kind of event) or, for a plain valid event, the requirement of the
 * only check that sent such cases (`requirement`). Undefined when only the event itself is left.
 */
export function caseCause(variant: string | undefined, requirement: ReportedCheckRequirement | undefined): string | undefined {
  const byVariant = variant !== undefined ? BY_VARIANT[variant] : undefined;
  if (byVariant !== undefined) return byVariant;
  return requirement !== undefined ? BY_REQUIREMENT[requirement] : undefined;
}
