import { CatalogueInvalidError } from '../errors';
import type { Check } from './check';
import { DELIVERY_CHECKS } from './delivery';
import { EVENT_CHECKS } from './events';
import { REQUIREMENTS } from './requirements';
import { SIGNATURE_CHECKS } from './signature';
import { TRANSPORT_CHECKS } from './transport';

export type { CaseDelivery, CasePlan, Check, CheckOutcome, CheckStatus, DeliveryRole, Failure, Reproduction } from './check';
export type { CheckContext, Judgement, OutgoingCase, PropertyOutcome, PropertySpec } from './checkContext';
export { REQUIREMENTS, requirement, type Requirement, type RequirementId, type Severity } from './requirements';

/**
 * The check catalogue: explicit arrays per area, in report order. Validated when this module loads:
 * unique ids, each check's severity is its requirement's, every remotely testable requirement has
 * a check.
 */
export const CHECKS: readonly Check[] = validateCatalogue([...TRANSPORT_CHECKS, ...SIGNATURE_CHECKS, ...EVENT_CHECKS, ...DELIVERY_CHECKS]);

export function validateCatalogue(checks: readonly Check[]): readonly Check[] {
  const ids = new Set<string>();
  for (const check of checks) {
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(check.id)) throw new CatalogueInvalidError(`check id "${check.id}" is not kebab-case`);
    if (ids.has(check.id)) throw new CatalogueInvalidError(`duplicate check id "${check.id}"`);
    ids.add(check.id);
    const req = REQUIREMENTS.find((r) => r.id === check.requirement);
    if (req === undefined) throw new CatalogueInvalidError(`check ${check.id} cites unknown requirement ${check.requirement}`);
    if (req.severity !== check.severity) throw new CatalogueInvalidError(`check ${check.id} is ${check.severity} but ${req.id} is ${req.severity}`);
  }
  const covered = new Set(checks.map((c) => c.requirement));
  const missing = REQUIREMENTS.filter((r) => r.remotelyTestable && !covered.has(r.id)).map((r) => r.id);
  if (missing.length > 0) {
    throw new CatalogueInvalidError(`no check covers ${missing.join(', ')}`);
  }
  return checks;
}
