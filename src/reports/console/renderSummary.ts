import { findingLines } from '../../findings/findingLines';
import { describeSpecVersion } from '../../spec/specVersion';
import { redactSecrets } from '../../redaction/redactSecrets';
import { isSenderReport, type CertificationReport, type CheckReport } from '../../evidence/certificationReport';
import { failureLines } from '../text/failureText';
import { formatDuration } from '../../text/formatDuration';
import { plural } from '../../text/plural';
import { painter, type Paint } from './ansi';
import { checkLine } from './checkLine';
import { goneMessage } from '../../checks/goneMessage';
import { isPartial, scopeLine } from '../../evidence/scope';

/** Options of {@link renderSummary}. */
export interface SummaryOptions {
  /** Secrets to redact from the text (see `redactSecrets`). */
  readonly secrets?: readonly string[];
  /** Where report.html was written, to point the reader at it. */
  readonly htmlPath?: string;
  /** ANSI colours (default off: the caller knows whether its stream is a terminal). */
  readonly color?: boolean;
}

/**
 * The end-of-run console summary: verdict line, counts, the GONE warning, each failing or warning
 * check with its first failure (label, expected, actual, curl and replay reproduction), skipped
 * checks with their reason, and where the HTML report is. Ends with a newline; secrets redacted.
 */
export function renderSummary(report: CertificationReport, options: SummaryOptions = {}): string {
  const paint = painter(options.color ?? false);
  const { pass, fail, warn, skip, cases } = report.summary;
  const duration = formatDuration(Date.parse(report.finishedAt) - Date.parse(report.startedAt));
  const verdict = report.verdict === 'pass' ? paint('green', 'PASS') : report.verdict === 'incomplete' ? paint('yellow', 'INCOMPLETE') : paint('red', 'FAIL');
  const blocked = report.summary.blocked ?? 0;
  const inconclusive = report.summary.inconclusive ?? 0;
  const sender = isSenderReport(report);
  // A partial run can pass, but its verdict never stands alone: PARTIAL beside it, and what was narrowed.
  const partial = isPartial(report.scope) ? `  ${paint('bold', paint('yellow', 'PARTIAL'))}` : '';
  const lines = [
    `${paint('bold', 'hookproof')} ${report.tool.version}  ${sender ? 'listen  ' : ''}${paint('bold', verdict)}${partial}  ${report.target.url}`,
    sender
      ? `${pass} passed, ${fail} failed, ${plural(warn, 'warning')}, ${skip} skipped · ${plural(cases, 'delivery', 'deliveries')} received · ${duration}`
      : `${pass} passed, ${fail} failed, ${plural(warn, 'warning')}, ${skip} skipped${blocked > 0 ? `, ${blocked} blocked` : ''}${inconclusive > 0 ? `, ${inconclusive} inconclusive` : ''} · ${plural(cases, 'case')} · seed ${report.seed} · ${duration}`,
  ];
  if (partial !== '') lines.push(scopeLine(report.scope));
  if (report.verdictReason !== undefined && report.verdict === 'incomplete') lines.push(`Incomplete: ${report.verdictReason}`);
  // Which spec version judged the run: its name and date beside the hash that identifies it.
  const version = describeSpecVersion(report.spec);
  if (version !== undefined) lines.push(`spec ${version} · sha256 ${report.spec.sha256}`);
  if (report.gone !== undefined) lines.push('', paint('bold', paint('red', `!!! ${goneMessage(report.gone.caseLabel)}`)));
  // Root causes before the per-check detail: one cause often fails many checks.
  const fixFirst = findingLines(report.hints ?? [], report.findings ?? []);
  if (fixFirst.length > 0) lines.push('', paint('bold', fixFirst[0] ?? ''), ...fixFirst.slice(1));
  for (const check of report.checks.filter((c) => c.status === 'fail' || c.status === 'warn')) lines.push('', ...checkDetails(check, paint));
  const skipped = skippedLines(
    report.checks.filter((c) => c.status === 'skip'),
    paint,
  );
  if (skipped.length > 0) lines.push('', ...skipped);
  // Inconclusive checks are listed with their reason: hookproof stalled, the receiver is not blamed.
  const blockedChecks = report.checks.filter((c) => c.status === 'blocked' || c.status === 'inconclusive');
  if (blockedChecks.length > 0) lines.push('', ...blockedChecks.map((c) => checkLine(c, paint)));
  if (options.htmlPath !== undefined) lines.push('', `Report: ${options.htmlPath}`);
  else if (!sender) lines.push('', `Re-run with --seed ${report.seed} to send the same cases.`);
  return `${redactSecrets(lines.join('\n'), options.secrets ?? [])}\n`;
}

function checkDetails(check: CheckReport, paint: Paint): string[] {
  const lines = [checkLine(check, paint, false), `      ${check.title}`];
  if (check.note !== undefined) lines.push(`      note: ${check.note}`);
  const [first] = check.failures;
  if (first !== undefined) lines.push(...failureLines(first).map((line) => `      ${line}`));
  if (check.failures.length > 1) lines.push(`      (+${plural(check.failures.length - 1, 'more failure')} in the report)`);
  return lines;
}

/** Skipped checks grouped by reason, so a GONE run does not print the same note twenty times. */
function skippedLines(skipped: readonly CheckReport[], paint: Paint): string[] {
  const byNote = new Map<string, string[]>();
  for (const check of skipped) {
    const note = check.note ?? 'skipped';
    byNote.set(note, [...(byNote.get(note) ?? []), check.id]);
  }
  return [...byNote].map(([note, ids]) => `${paint('grey', 'SKIP')}  ${ids.join(', ')}: ${note}`);
}
