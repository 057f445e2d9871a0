import type { Failure } from '../evidence/failure';
import type { Severity } from '../contract/requirements';
import type { CheckReport, ReportedCheckRequirement } from '../evidence/certificationReport';
import type { AnswerLedger } from './AnswerLedger';
import { answerKey, normaliseText, withoutEcho } from './answerKey';
import { findingTitle } from './findingTitle';
import type { Finding } from '../evidence/Finding';

interface Group {
  readonly key: string;
  readonly failures: Failure[];
  readonly checks: CheckReport[];
}

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { required: 0, recommended: 1, informational: 2 };

/**
 * The root causes of a run's failures, in the order to fix them. Failures are grouped by what the
 * receiver did (its answer's status or transport error, redirect target and body, with ids,
 * timestamps, digests and numbers normalised away): one group, one finding. A finding explains the
 * requirements of the checks whose failures it holds, and blocks those of the checks reported
 * blocked by one of them. Checks reported blocked count as evidence for nothing.
 *
 * First come findings that fail the verdict (explaining a required requirement), then those that
 * explain or block more requirements, then those seen in more cases. `ledger`, when given, counts
 * every case of the failing kinds that got the same answer; without it a finding counts its failures.
 */
export function buildFindings(checks: readonly CheckReport[], ledger?: AnswerLedger): Finding[] {
  const groups = new Map<string, Group>();
  for (const check of checks) {
    if (isBlocked(check)) continue;
    for (const failure of check.failures) {
      const key = failureKey(failure);
      const group = groups.get(key) ?? { key, failures: [], checks: [] };
      group.failures.push(failure);
      if (!group.checks.includes(check)) group.checks.push(check);
      groups.set(key, group);
    }
  }
  const findings = [...groups.values()].map((group) => toFinding(group, checks, ledger));
  return findings.sort(
    (a, b) =>
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      b.explains.length + b.blocks.length - (a.explains.length + a.blocks.length) ||
      b.cases - a.cases ||
      (a.title < b.title ? -1 : a.title > b.title ? 1 : 0),
  );
}

/** The grouping key of a failure: its answer's, or (in reports without answers) its normalised `actual`. */
export function failureKey(failure: Failure): string {
  return failure.answer !== undefined ? answerKey(failure.answer, failure.eventType) : `actual ${normaliseText(withoutEcho(failure.actual, failure.eventType))}`;
}

function isBlocked(check: CheckReport): boolean {
  return (check.blockedBy?.length ?? 0) > 0;
}

function toFinding(group: Group, checks: readonly CheckReport[], ledger: AnswerLedger | undefined): Finding {
  const explains = unique(group.checks.map((c) => c.requirement));
  const blocks = unique(
    checks.filter((c) => isBlocked(c) && (c.blockedBy ?? []).some((id) => explains.includes(id)) && !explains.includes(c.requirement)).map((c) => c.requirement),
  );
  const variants = group.failures.map((f) => f.variant);
  const counted = ledger !== undefined && variants.every((v) => v !== undefined) ? ledger.casesOf(group.key, variants) : undefined;
  const types = new Set<string>([...(counted?.types ?? []), ...group.failures.flatMap((f) => (f.eventType !== undefined ? [f.eventType] : []))]);
  const eventTypes = [...types].sort();
  const [first] = group.failures as [Failure, ...Failure[]];
  return {
    title: findingTitle(group.failures, eventTypes, explains),
    expected: first.expected,
    ...(first.answer !== undefined ? { answer: first.answer } : {}),
    cases: Math.max(group.failures.length, counted?.cases ?? 0),
    eventTypes,
    explains,
    blocks,
    failures: group.failures.map((f) => f.case),
    severity: group.checks.map((c) => c.severity).sort((a, b) => SEVERITY_RANK[a] - SEVERITY_RANK[b])[0] ?? 'required',
  };
}

function unique(ids: readonly ReportedCheckRequirement[]): ReportedCheckRequirement[] {
  return [...new Set(ids)];
}
