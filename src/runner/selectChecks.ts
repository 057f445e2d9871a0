import type { Check } from '../checks/check';
import { REQUIREMENTS, type RequirementId } from '../contract/requirements';
import { UnknownCheckError, UsageError } from '../errors';
import { CAPACITY_CHECKS } from '../checks/capacity/capacityChecks';

/**
 * The checks named by id or by requirement ID (e.g. "SIG-3"), in catalogue order. A capacity
 * requirement (CAP-1..3) names no check: `["CAP-1"]` alone selects none.
 */
export function selectChecks(catalogue: readonly Check[], names: readonly string[] | undefined): Check[] {
  if (names === undefined || names.length === 0) return [...catalogue];
  const wanted = new Set<string>();
  for (const name of names) {
    const matches = catalogue.filter((c) => c.id === name || c.requirement.toLowerCase() === name.toLowerCase());
    if (matches.length === 0) {
      const requirement = REQUIREMENTS.find((r) => r.id.toLowerCase() === name.toLowerCase());
      // CAP-1..3 are the capacity phases' (runCertification's `capacity`), not a check's: they select no check.
      if (rateOnlyNames([name]).length > 0) continue;
      if (requirement !== undefined && !requirement.remotelyTestable) {
        throw new UsageError(`${requirement.id} (${requirement.summary}) is not remotely testable: no check sends a request for it; review the receiver's source instead`);
      }
      throw new UnknownCheckError(
        name,
        catalogue.map((c) => c.id),
      );
    }
    for (const c of matches) wanted.add(c.id);
  }
  return catalogue.filter((c) => wanted.has(c.id));
}

/**
 * The capacity requirements (CAP-1..3) among `names`, named by requirement ID or by check id
 * (`cap-sustained-rate`): judged only by a run with a declared rate, never selecting a check.
 */
export function rateOnlyNames(names: readonly string[] | undefined): RequirementId[] {
  const named = (names ?? []).flatMap((name) =>
    CAPACITY_CHECKS.filter((c) => c.id === name || c.requirement.toLowerCase() === name.toLowerCase()).map((c): RequirementId => c.requirement),
  );
  return [...new Set(named)];
}
