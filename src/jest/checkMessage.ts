import { secretEnvName } from '../checks/reproduce';
import { findingLines } from '../findings/findingLines';
import type { CertificationReport, CheckReport } from '../evidence/certificationReport';
import { failureLines } from '../reports/text/failureText';

/** How to run one check again from the command line, with the same cases. */
export interface RerunHint {
  readonly url: string;
  readonly seed: number;
  readonly runs: number | undefined;
  readonly allowHttp: boolean;
  /** Set when the adapter writes report.json: failures can then be replayed from it. */
  readonly reportWritten: boolean;
  /** How many secrets the adapter signs with (one --secret-env each, never a value). */
  readonly secretCount?: number;
  readonly types?: readonly string[] | undefined;
  readonly timeoutMs?: number | undefined;
  readonly concurrency?: number | undefined;
  readonly specPath?: string | undefined;
  readonly maxEventBytes?: number | undefined;
  /** A capacity test's `certify --rate` flags (`--rate 50`, `--duration 2000ms`…), appended to its rerun command. */
  readonly capacityFlags?: readonly string[];
}

/** "1 case", "2 cases". */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** The first line of a check's test result: requirement, id, status, cases, seed. */
export function checkHeadline(check: CheckReport, seed: number): string {
  const failures = check.failures.length > 0 ? `, ${plural(check.failures.length, 'failing case')}` : '';
  return `${check.requirement} ${check.id} ${check.status.toUpperCase()} (${check.severity}, ${plural(check.cases, 'case')}${failures}, seed ${seed})`;
}

/**
 * What a failing (or warning) check's test prints: headline, note, what to fix first (set-up hints
 * and findings of the run), every failure with its label, expected and actual answer, the
 * receiver's own answer and the curl reproduction, then how to re-run the check.
 */
export function checkMessage(check: CheckReport, hint: RerunHint, causes: Pick<CertificationReport, 'hints' | 'findings'> = {}): string {
  const lines = [checkHeadline(check, hint.seed), `  ${check.title}`];
  if (check.note !== undefined) lines.push(`  note: ${check.note}`);
  // Root causes first: the receiver's own answer often names the defect outright.
  const fixFirst = findingLines(causes.hints ?? [], causes.findings ?? []);
  if (fixFirst.length > 0) lines.push('', ...fixFirst.map((line) => `  ${line}`));
  for (const failure of check.failures) lines.push('', ...failureLines(failure, { replay: hint.reportWritten }).map((line) => `  ${line}`));
  lines.push('', `  re-run this check with the same cases: ${rerunCommand(check.id, hint)}`);
  return lines.join('\n');
}

/**
 * A complete certify command: every option that decides which cases are sent, and the secrets by
 * environment variable (the names the curl reproductions use: HOOKPROOF_SECRET,
 * HOOKPROOF_SECRET_2…), never by value.
 */
export function rerunCommand(checkId: string, hint: RerunHint): string {
  const quote = (value: string): string => (/^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`);
  const secretEnvs = Array.from({ length: hint.secretCount ?? 1 }, (_, i) => secretEnvName(i));
  const parts = ['npx --no-install hookproof certify', `--url '${hint.url.replace(/'/g, `'\\''`)}'`, ...secretEnvs.map((name) => `--secret-env ${name}`)];
  parts.push(`--checks ${checkId}`, `--seed ${hint.seed}`);
  if (hint.runs !== undefined) parts.push(`--runs ${hint.runs}`);
  if (hint.types !== undefined && hint.types.length > 0) parts.push(`--types ${quote(hint.types.join(','))}`);
  if (hint.timeoutMs !== undefined) parts.push(`--timeout-ms ${hint.timeoutMs}`);
  if (hint.concurrency !== undefined) parts.push(`--concurrency ${hint.concurrency}`);
  if (hint.maxEventBytes !== undefined) parts.push(`--max-event-bytes ${hint.maxEventBytes}`);
  if (hint.specPath !== undefined) parts.push(`--spec ${quote(hint.specPath)}`);
  if (hint.allowHttp) parts.push('--allow-http');
  if (hint.capacityFlags !== undefined) parts.push(...hint.capacityFlags);
  return parts.join(' ');
}
