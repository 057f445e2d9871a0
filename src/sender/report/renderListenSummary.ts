import { redactSecrets, terminalSafe } from '../../reports';
import { formatDuration } from '../../text/formatDuration';
import { plural } from '../../text/plural';
import type { CertificationReport, CheckReport } from '../../evidence/certificationReport';

/** Options of {@link renderListenSummary}. */
export interface ListenSummaryOptions {
  readonly secrets?: readonly string[];
  /** Where report.html was written. */
  readonly htmlPath?: string;
}

/**
 * The end-of-run text of a listen run (its report, `subject: 'sender'`): verdict line, counts, one line per check, each failing
 * check's first findings, and where the report is. Ends with a newline; secrets redacted,
 * control characters escaped.
 */
export function renderListenSummary(report: CertificationReport, options: ListenSummaryOptions = {}): string {
  const { cases: deliveries, pass, fail, skip, inconclusive = 0 } = report.summary;
  const events = report.listen?.events.length ?? 0;
  const ignored = report.listen?.ignored ?? 0;
  const duration = formatDuration(Date.parse(report.finishedAt) - Date.parse(report.startedAt));
  const lines = [
    `hookproof ${report.tool.version}  listen  ${report.verdict.toUpperCase()}  ${report.target.url}`,
    `${plural(deliveries, 'delivery', 'deliveries')} of ${plural(events, 'event')}${ignored > 0 ? ` (+${ignored} ignored non-POST)` : ''} · ${pass} passed, ${fail} failed, ${skip} skipped${inconclusive > 0 ? `, ${inconclusive} inconclusive` : ''} · answered ${report.listen?.respond ?? ''} · ${duration} · stopped by ${report.listen?.stoppedBy ?? ''}`,
  ];
  if (deliveries === 0) lines.push('FAIL  no delivery arrived: nothing about the sender was proven');
  for (const check of report.checks) lines.push(checkLine(check), ...details(check));
  if (options.htmlPath !== undefined) lines.push('', `Report: ${options.htmlPath}`);
  // Each line is escaped on its own: labels quote the sender's ids and types, which must not add
  // lines or drive the terminal.
  return `${lines.map((line) => terminalSafe(redactSecrets(line, options.secrets ?? []))).join('\n')}\n`;
}

const SHOWN_FAILURES = 3;

function checkLine(check: CheckReport): string {
  const parts = [check.status.toUpperCase().padEnd(4), check.id, check.requirement, plural(check.cases, 'case')];
  if (check.failures.length > 0) parts.push(plural(check.failures.length, 'finding'));
  if (check.note !== undefined) parts.push(`(${check.note})`);
  return parts.join('  ');
}

function details(check: CheckReport): string[] {
  const shown = check.failures.slice(0, SHOWN_FAILURES).flatMap((f) => [`      ${f.label}`, `        expected: ${f.expected}`, `        actual:   ${f.actual}`]);
  const more = check.failures.length - SHOWN_FAILURES;
  return more > 0 ? [...shown, `      (+${more} more in the report)`] : shown;
}
