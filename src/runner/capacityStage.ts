import { blockedNote } from '../checks/blockedTally';
import { CAPACITY_CHECKS, type CapacityCheck } from '../checks/capacity/capacityChecks';
import { outcomeAfterGone } from '../checks/outcomeAfterGone';
import type { RequirementId } from '../contract/requirements';
import type { Engine } from '../engine';
import { InternalError } from '../errors';
import type { CapacityRunSettings, CapacitySection } from '../evidence/capacitySection';
import type { CheckReport } from '../evidence/certificationReport';
import type { ProgressEvent } from '../evidence/progressEvent';
import type { CertifyCapacityOptions } from './certifyOptions';

/** What the capacity phases of a certification are given: the run's target, engine and settings. */
export interface CapacityStageInput {
  /** The settings as {@link CapacityStage.settings} resolved them. */
  readonly settings: CapacityRunSettings;
  readonly url: string;
  readonly secrets: readonly string[];
  readonly allowHttp: boolean;
  readonly engine: Engine;
  /** The run's non-deprecated event types: capacity traffic is of the subscribed types only. */
  readonly types: readonly string[];
  readonly seed: number;
  readonly headers?: Readonly<Record<string, string>>;
  /** Where report.json will be written, for the replay commands of the failures. */
  readonly reportPath: string;
  readonly signal?: AbortSignal;
  readonly onProgress?: (event: Extract<ProgressEvent, { kind: 'capacity' }>) => void;
}

/** The CAP checks (CAP-1..3, report order) and the measurements behind them. */
export interface CapacityStageResult {
  readonly checks: readonly CheckReport[];
  readonly section: CapacitySection;
}

/** The capacity phases' engine (src/capacity/certifyCapacity.ts is hookproof's). */
export interface CapacityStage {
  /**
   * The options with their defaults, checked against the documented ranges: called before anything
   * is sent, so a bad rate is a one-line UsageError, not a lost run.
   */
  settings(options: CertifyCapacityOptions): CapacityRunSettings;
  run(input: CapacityStageInput): Promise<CapacityStageResult>;
}

/**
 * The requirements that say a correctly signed, valid event is accepted: while one of them fails,
 * load would only measure refusals, so the capacity phases send nothing and are blocked by it.
 */
const ACCEPTANCE: readonly RequirementId[] = ['SIG-1', 'EVT-1'];

/**
 * What blocks the capacity phases, judged from the conformance checks: a failed SIG-1 or EVT-1, or
 * what blocks them in turn (EVT-1 blocked by DLV-1: nothing answers in time). Undefined when none
 * of them failed or was blocked (or none ran: a narrowed run has no evidence either way).
 */
export function capacityBlocker(checks: readonly CheckReport[]): { readonly by: readonly RequirementId[]; readonly reason: string } | undefined {
  const by = new Set<RequirementId>();
  let reason: string | undefined;
  for (const check of checks) {
    if (!ACCEPTANCE.includes(check.requirement as RequirementId)) continue;
    if (check.status === 'fail') {
      by.add(check.requirement as RequirementId);
      reason ??= `correctly signed valid events are not accepted (${check.id} failed)`;
    } else if (check.status === 'blocked') {
      for (const blocker of check.blockedBy ?? []) by.add(blocker);
      reason ??= `correctly signed valid events are not accepted (${check.id} ${check.note ?? 'is blocked'})`;
    }
  }
  if (by.size === 0) return undefined;
  return { by: [...by].sort(), reason: `${reason ?? 'correctly signed valid events are not accepted'}; no capacity traffic was sent` };
}

/** The report entry of a capacity check that sent nothing, with its status and note. */
export function capacityNotRun(check: CapacityCheck, outcome: Pick<CheckReport, 'status' | 'note' | 'blockedBy'>): CheckReport {
  return { id: check.id, title: check.title, requirement: check.requirement, severity: check.severity, cases: 0, durationMs: 0, failures: [], ...outcome };
}

/** What a run with a declared rate reports when it sent no capacity traffic. */
function notRunResult(input: CapacityStageInput, outcome: (check: CapacityCheck) => Pick<CheckReport, 'status' | 'note' | 'blockedBy'>): CapacityStageResult {
  return { checks: CAPACITY_CHECKS.map((check) => capacityNotRun(check, outcome(check))), section: { settings: input.settings, phases: [] } };
}

/**
 * The capacity part of a certification, after its conformance checks: skipped when the receiver
 * answered 410 (gridX would have deleted the subscription), blocked when it does not accept
 * correctly signed valid events, otherwise run by `stage`.
 */
export async function runCapacityPart(
  input: CapacityStageInput,
  judged: readonly CheckReport[],
  gone: { readonly caseLabel: string } | undefined,
  stage: CapacityStage,
): Promise<CapacityStageResult> {
  if (gone !== undefined) return notRunResult(input, (check) => outcomeAfterGone(check.requirement, gone.caseLabel));
  const blocker = capacityBlocker(judged);
  if (blocker !== undefined) {
    const note = blockedNote({ count: 1, by: [...blocker.by], reason: blocker.reason });
    return notRunResult(input, () => ({ status: 'blocked', note, blockedBy: blocker.by }));
  }
  return stage.run(input);
}

/** The stage a run with `capacity` uses; hookproof's own bug when an entry point gave none. */
export function requireStage(stage: CapacityStage | undefined): CapacityStage {
  if (stage === undefined) throw new InternalError('a certification with a declared rate needs the capacity stage (call runCertification from the hookproof entry point)');
  return stage;
}
