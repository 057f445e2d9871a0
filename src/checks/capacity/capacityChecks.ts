import { gridx } from '../../contract/gridx';
import { requirement, type RequirementId, type Severity } from '../../contract/requirements';

/**
 * A capacity check of a run with a declared rate: the report entry of one of CAP-1..3. Unlike a
 * `Check` it has no `run` of its own: the capacity phases (runCertification's `capacity`)
 * judge all three together, after every conformance check, with traffic of their own.
 */
export interface CapacityCheck {
  readonly id: string;
  readonly title: string;
  readonly requirement: Extract<RequirementId, 'CAP-1' | 'CAP-2' | 'CAP-3'>;
  readonly severity: Severity;
}

const capacityCheck = (id: string, req: CapacityCheck['requirement'], title: string): CapacityCheck => ({ id, title, requirement: req, severity: requirement(req).severity });

/** CAP-1..3 in report order: sustained rate, recovery burst, overload etiquette. */
export const CAPACITY_CHECKS: readonly CapacityCheck[] = [
  capacityCheck('cap-sustained-rate', 'CAP-1', `The declared rate is held: every delivery accepted within ${gridx.deadlineMs / 1000} s`),
  capacityCheck('cap-recovery-burst', 'CAP-2', "An outage's backlog is absorbed under gridX's retries, duplicates included"),
  capacityCheck('cap-overload-etiquette', 'CAP-3', 'Beyond capacity: fast 429/503, nothing refused permanently, no connection held'),
];
