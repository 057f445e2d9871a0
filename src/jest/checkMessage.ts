import { findingLines } from '../findings/findingLines';
import type { CertificationReport, CheckReport } from '../reportModel/certificationReport';
import { failureLines } from '../reports/text/failureText';

/** How to run one check again from the command line, with the same cases. */
export interface RerunHint {
  readonly url: string;
  readonly seed: number;
  readonly runs: number | undefined;
  readonly allowHttp: boolean;
  /** Set when the adapter writes report.json: failures can then be replayed from it. */
  readonly reportWritten: boolean;
}

/** The first line of a check's test result: requirement, id, status, cases, seed. */
export function checkHeadline(check: CheckReport, seed: number): string {
  const failures = check.failures.length > 0 ? `, ${check.failures.length} failing case${check.failures.length === 1 ? '' : 's'}` : '';
  return `${check.requirement} ${check.id} ${check.status.toUpperCase()} (${check.severity}, ${check.cases} cases${failures}, seed ${seed})`;
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

function rerunCommand(checkId: string, hint: RerunHint): string {
  const parts = ['npx --no-install hookproof certify', `--url '${hint.url.replace(/'/g, `'\\''`)}'`, `--checks ${checkId}`, `--seed ${hint.seed}`];
  if (hint.runs !== undefined) parts.push(`--runs ${hint.runs}`);
  if (hint.allowHttp) parts.push('--allow-http');
  return parts.join(' ');
}
