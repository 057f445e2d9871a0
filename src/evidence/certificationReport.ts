import type { CapacitySection } from './capacitySection';
import type { CheckStatus, Failure } from './failure';
import type { RequirementId, SenderRequirementId, Severity } from '../contract/requirements';
import type { Finding, SetupHint } from './Finding';
import type { CoverageTable } from './coverageTable';
import type { ListenReportExtension } from './listenRecord';
import type { Provenance } from './provenance';
import type { RecheckResult } from './recheckResult';
import type { ReportScope } from './scope';

/**
 * What a reported check proves: a receiver requirement (certify), or in a listen run's report a
 * sender requirement (SND-1…3) or `EXPECT`, the user's own `--expect` list (no contract requirement).
 */
export type ReportedCheckRequirement = RequirementId | SenderRequirementId | 'EXPECT';

/** One check's result as reported. */
export interface CheckReport {
  readonly id: string;
  readonly title: string;
  readonly requirement: ReportedCheckRequirement;
  readonly severity: Severity;
  readonly status: CheckStatus;
  readonly cases: number;
  readonly durationMs: number;
  readonly failures: readonly Failure[];
  readonly note?: string;
  /** Set when `status` is `blocked`: the more basic failing requirement(s) that block it (`note` says how). */
  readonly blockedBy?: readonly RequirementId[];
}

/** One requirement of the contract with the combined status of the checks that prove it. */
export interface RequirementReport {
  /** A receiver requirement; a sender requirement (SND-1…3) in a listen run's report. */
  readonly id: RequirementId | SenderRequirementId;
  readonly severity: Severity;
  readonly summary: string;
  /** "not-testable" for requirements no remote test can prove (SIG-11); "not-run" when deselected. */
  readonly status: CheckStatus | 'not-testable' | 'not-run';
  readonly checks: readonly string[];
}

/**
 * report.json: the stable, machine-readable result of a certification run. Fields are only ever
 * added, never renamed; `formatVersion` changes if that promise is ever broken.
 */
export interface CertificationReport {
  readonly formatVersion: 1;
  /**
   * `sha256:<hex>` of the RFC 8785 canonical JSON of every other field, computed on the report as
   * written (after redaction); `hookproof report verify` recomputes it. See src/attest/reportDigest.ts.
   */
  readonly digest?: string;
  /**
   * Who was tested: absent (or `receiver`) for `hookproof certify`; `sender` for a `hookproof
   * listen` run, whose seed and runs/timeout options mean nothing: a listen run draws nothing at
   * random and sends nothing, yet formatVersion 1 requires them, so they are written 0 (see
   * `assembleReport`).
   */
  readonly subject?: 'receiver' | 'sender';
  readonly tool: { readonly name: 'hookproof'; readonly version: string };
  /**
   * The spec the run used: its path, the SHA-256 of its bytes (what identifies it), and its name
   * and version (from its `info`, or for gridX's own files, which have none, gridX's date).
   */
  readonly spec: { readonly path: string; readonly sha256: string; readonly title?: string; readonly version?: string };
  readonly target: { readonly url: string; readonly trust: string };
  readonly seed: number;
  readonly options: {
    readonly runs: number;
    readonly timeoutMs: number;
    /** The body-size budget of the run (absent in reports made before it existed: 64 KiB was not enforced then). */
    readonly maxEventBytes?: number;
    readonly concurrency: number;
    readonly allowHttp: boolean;
    readonly types: readonly string[];
    readonly checks: readonly string[];
    readonly secrets: number;
  };
  readonly startedAt: string;
  readonly finishedAt: string;
  /** Node version, platform, the secret-free command, the target's address and certificate. */
  readonly provenance?: Provenance;
  /**
   * `incomplete`: nothing failed, but some required requirement in scope has no judged case (or
   * nothing at all was judged): no evidence, no pass. `verdictReason` says why.
   */
  readonly verdict: 'pass' | 'fail' | 'incomplete';
  /** Why the verdict is not `pass`, in one sentence (absent on a pass). */
  readonly verdictReason?: string;
  /**
   * What the verdict covers: `full`, or `partial` with what was narrowed (checks, types, runs,
   * timeout). A partial pass is no certificate. Absent in a listen run's report and in reports
   * written before hookproof recorded it.
   */
  readonly scope?: ReportScope;
  /** Set when the receiver answered 410: gridX would have deleted the subscription. */
  readonly gone?: { readonly caseLabel: string };
  /** Set by `hookproof recheck`: which report this run rechecked (by digest), and the comparison. */
  readonly recheck?: RecheckResult;
  readonly summary: {
    readonly pass: number;
    readonly fail: number;
    readonly warn: number;
    readonly skip: number;
    readonly blocked?: number;
    readonly inconclusive?: number;
    readonly cases: number;
  };
  /** Set-up mistakes detected from the answers (wrong path, wrong secret, nothing answering, TLS); read these first. */
  readonly hints?: readonly SetupHint[];
  /** Root causes, what to fix first: failures grouped by what the receiver answered. */
  readonly findings?: readonly Finding[];
  readonly checks: readonly CheckReport[];
  readonly requirements: readonly RequirementReport[];
  readonly coverage: CoverageTable;
  /** A listen run's own record (`subject: 'sender'` only): the respond script, the deliveries and events as received. */
  readonly listen?: ListenReportExtension;
  /**
   * Set exactly when the run declared a rate (`certify --rate`): the measurements behind its CAP-1..3
   * checks (phases, latency percentiles, the overload probe, the recovery burst).
   */
  readonly capacity?: CapacitySection;
}

/** Whether `report` is of a listen run (a sender checked), not a receiver certification. */
export function isSenderReport(report: Pick<CertificationReport, 'subject'>): boolean {
  return report.subject === 'sender';
}
