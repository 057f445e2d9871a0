import { gridx } from '../contract/gridx';
import { requirementsJudged, type RequirementId } from '../contract/requirements';

/** What a run can narrow, making its verdict cover less than gridX's contract. */
export type ScopeAspect = 'checks' | 'types' | 'runs' | 'timeout';

/** One way a run was narrowed, and how, in words: `runs: 1 case(s) per property (a full run draws 100)`. */
interface ScopeNarrowing {
  readonly aspect: ScopeAspect;
  readonly detail: string;
}

/**
 * What a verdict covers. `full`: every remotely testable requirement of the contract had its checks
 * run, over every non-deprecated event type, with the default number of cases and gridX's 5 s
 * deadline. `partial`: something was narrowed (`narrowed` says what); a partial run can pass, but it
 * is labelled PARTIAL wherever its verdict is shown and is never a certificate.
 */
export interface ReportScope {
  readonly level: 'full' | 'partial';
  /** What was narrowed, in the order checks, types, runs, timeout (empty when full). */
  readonly narrowed: readonly ScopeAspect[];
  /** How, one phrase per entry of `narrowed`, same order: `runs: 1 case(s) per property (a full run draws 100)`. */
  readonly details: readonly string[];
}

/** Cases per property of a full run (the default of `--runs`). */
export const FULL_RUNS = 100;

/** The facts of a run that decide its scope. */
export interface ScopeFacts {
  /** The requirements of the checks the run ran. */
  readonly requirements: readonly RequirementId[];
  /** Non-deprecated event types run, and how many the spec has. */
  readonly types: { readonly selected: number; readonly all: number };
  readonly runs: number;
  readonly timeoutMs: number;
  /** Whether the run declared a rate (`certify --rate`): then CAP-1..3 are in its contract too. */
  readonly rateDeclared?: boolean;
}

/** The scope of a run: `full` unless one of checks, types, runs or timeout was narrowed. */
export function judgeScope(facts: ScopeFacts): ReportScope {
  return scopeOf([
    ...checksNarrowing(facts.requirements, facts.rateDeclared === true),
    ...typesNarrowing(facts.types),
    ...runsNarrowing(facts.runs),
    ...timeoutNarrowing(facts.timeoutMs),
  ]);
}

function scopeOf(narrowings: readonly ScopeNarrowing[]): ReportScope {
  return { level: narrowings.length === 0 ? 'full' : 'partial', narrowed: narrowings.map((n) => n.aspect), details: narrowings.map((n) => `${n.aspect}: ${n.detail}`) };
}

/**
 * `scope` with its checks aspect judged again over `requirements`: the jest adapter runs one check
 * at a time, and its merged report covers the requirements of all of them.
 */
export function rescopeChecks(scope: ReportScope, requirements: readonly RequirementId[], rateDeclared = false): ReportScope {
  const others = scope.narrowed.flatMap((aspect, i) => (aspect === 'checks' ? [] : [{ aspect, detail: (scope.details[i] ?? aspect).replace(/^[a-z]+: /, '') }]));
  return scopeOf([...checksNarrowing(requirements, rateDeclared), ...others]);
}

/**
 * Remotely testable requirements of the contract that no check of the run proves (CAP-1..3 only
 * when the run declared a rate: without one they are not part of what it claims).
 */
export function requirementsNotRun(requirements: readonly RequirementId[], rateDeclared = false): RequirementId[] {
  const run = new Set(requirements);
  return requirementsJudged(rateDeclared)
    .filter((r) => r.remotelyTestable && !run.has(r.id))
    .map((r) => r.id);
}

function checksNarrowing(requirements: readonly RequirementId[], rateDeclared: boolean): ScopeNarrowing[] {
  const missing = requirementsNotRun(requirements, rateDeclared);
  if (missing.length === 0) return [];
  const total = requirementsJudged(rateDeclared).filter((r) => r.remotelyTestable).length;
  const shown = missing.length > 8 ? `${missing.slice(0, 8).join(', ')}, …` : missing.join(', ');
  return [{ aspect: 'checks', detail: `${missing.length} of ${total} requirements not run (${shown})` }];
}

function typesNarrowing(types: ScopeFacts['types']): ScopeNarrowing[] {
  if (types.selected >= types.all) return [];
  return [{ aspect: 'types', detail: `${types.selected} of ${types.all} event types` }];
}

function runsNarrowing(runs: number): ScopeNarrowing[] {
  return runs >= FULL_RUNS ? [] : [{ aspect: 'runs', detail: `${runs} case(s) per property (a full run draws ${FULL_RUNS})` }];
}

function timeoutNarrowing(timeoutMs: number): ScopeNarrowing[] {
  return timeoutMs === gridx.deadlineMs ? [] : [{ aspect: 'timeout', detail: `${timeoutMs} ms per delivery (gridX's deadline is ${gridx.deadlineMs} ms)` }];
}

/**
 * One line for every place a verdict is shown: empty for a full run, else
 * `PARTIAL (checks: 23 of 24 requirements not run (…); runs: …): not a certificate`.
 */
export function scopeLine(scope: ReportScope | undefined): string {
  if (scope === undefined || scope.level === 'full') return '';
  const how = scope.details.length > 0 ? scope.details : scope.narrowed;
  return `PARTIAL (${how.join('; ')}): not a certificate`;
}

/** Whether a report's scope is partial (reports written before scope existed are not labelled). */
export function isPartial(scope: ReportScope | undefined): boolean {
  return scope?.level === 'partial';
}
