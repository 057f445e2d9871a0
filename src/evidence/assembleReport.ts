import type { CertificationReport, CheckReport } from './certificationReport';
import { mergeCoverage, type CoverageTable } from './coverageTable';
import type { Finding, SetupHint } from './Finding';
import { requirementTable, type TabledRequirement } from './requirementTable';
import { summaryOf } from './summaryOf';
import { judgeSenderVerdict, judgeVerdict, type Verdict } from './verdict';

/**
 * What a run knows of itself: every field of report.json that is not judged from its checks.
 * `seed` is absent for a run that drew nothing at random (a listen run).
 */
export type RunFacts = Pick<CertificationReport, 'tool' | 'spec' | 'target' | 'options' | 'startedAt' | 'finishedAt'> &
  Partial<Pick<CertificationReport, 'provenance' | 'scope' | 'gone' | 'recheck' | 'listen' | 'capacity'>> & { readonly seed?: number };

/** The root causes of a run's failures, computed by whoever holds its answers (see findings/). */
export interface RootCauses {
  readonly hints?: readonly SetupHint[];
  readonly findings?: readonly Finding[];
}

/**
 * Who was tested, and so by which requirement list and verdict rule the checks are judged: a
 * receiver by the receiver contract (certify, the jest adapter); a sender by the SND requirements
 * given, its verdict `fail` when a check failed or no delivery arrived, its cases the deliveries
 * received (every check judges the same deliveries, so check cases do not add up).
 */
export type ReportSubject = { readonly kind: 'receiver' } | { readonly kind: 'sender'; readonly requirements: readonly TabledRequirement[]; readonly deliveries: number };

/** Everything {@link assembleReport} puts together. */
export interface ReportParts {
  readonly subject: ReportSubject;
  readonly facts: RunFacts;
  /** Every check's report, in report order. */
  readonly checks: readonly CheckReport[];
  /** The coverage of each part of the run (one table per run; the jest adapter's one-check runs have one each). */
  readonly coverage: readonly CoverageTable[];
  readonly causes?: RootCauses;
}

/**
 * formatVersion 1 requires `seed`; a run that drew nothing at random writes 0. Readers tell such a
 * report by its `subject` (`sender`), never by the seed.
 */
const NO_SEED = 0;

/**
 * report.json as data: the one place a report is put together, for certify, the jest adapter and
 * listen alike. The summary, the verdict, the requirement table and the coverage are judged here
 * from the checks, once; the run's facts and root causes are placed as given.
 */
export function assembleReport(parts: ReportParts): CertificationReport {
  const { subject, facts, checks } = parts;
  const { seed, ...rest } = facts;
  const sender = subject.kind === 'sender' ? subject : undefined;
  const { verdict, reason }: Verdict = sender !== undefined ? judgeSenderVerdict(checks, sender.deliveries) : judgeVerdict(checks, facts.gone);
  return {
    formatVersion: 1,
    ...(sender !== undefined ? { subject: 'sender' as const } : {}),
    ...rest,
    seed: seed ?? NO_SEED,
    verdict,
    ...(reason !== undefined ? { verdictReason: reason } : {}),
    ...(parts.causes?.hints !== undefined ? { hints: parts.causes.hints } : {}),
    ...(parts.causes?.findings !== undefined ? { findings: parts.causes.findings } : {}),
    summary: sender !== undefined ? summaryOf(checks, { cases: sender.deliveries, blocked: false }) : summaryOf(checks),
    checks,
    requirements: sender !== undefined ? requirementTable(checks, sender.requirements) : requirementTable(checks),
    coverage: mergeCoverage(parts.coverage),
  };
}
