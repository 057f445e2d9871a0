import { goneMessage } from '../../checks/goneMessage';
import { findingLines } from '../../findings/findingLines';
import { isSenderReport, type CertificationReport } from '../../evidence/certificationReport';
import { escapeXmlAttribute, escapeXmlText } from '../../text/escapeXml';
import { isPartial, scopeLine } from '../../evidence/scope';
import { junitSeconds, testcaseXml } from './testcaseXml';

/**
 * junit.xml: `<testsuites>` holding one `<testsuite name="hookproof">` with one `<testcase>` per
 * check (see `testcaseXml` for how each status is written). Counts follow the JUnit convention:
 * `failures` are failed checks, `skipped` counts skipped and blocked checks and warnings, `errors`
 * is always 0 (hookproof's own errors end the run with exit 2 and write no report). Run facts go in `<properties>` and a
 * one-paragraph summary in the suite's `<system-out>`. Pure: redaction is the writer's job.
 */
export function renderJunitXml(report: CertificationReport): string {
  const tests = report.checks.length;
  const failures = report.checks.filter((c) => c.status === 'fail').length;
  const skipped = report.checks.filter((c) => c.status === 'skip' || c.status === 'warn' || c.status === 'blocked').length;
  const time = junitSeconds(Date.parse(report.finishedAt) - Date.parse(report.startedAt));
  // CI lists suites by name: a partial run says so there, not only in a property.
  const suiteName = isPartial(report.scope) ? 'hookproof (PARTIAL)' : 'hookproof';
  const counts = `tests="${tests}" failures="${failures}" errors="0" skipped="${skipped}" time="${time}"`;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="hookproof" ${counts}>`,
    `  <testsuite name="${suiteName}" ${counts} timestamp="${escapeXmlAttribute(junitTimestamp(report.startedAt))}">`,
    '    <properties>',
    ...properties(report).map(([name, value]) => `      <property name="${escapeXmlAttribute(name)}" value="${escapeXmlAttribute(value)}"/>`),
    '    </properties>',
    ...report.checks.map((check) => testcaseXml(check, report.subject)),
    `    <system-out>${escapeXmlText(suiteSummary(report) + fixFirst(report))}</system-out>`,
    '  </testsuite>',
    '</testsuites>',
  ];
  return `${lines.join('\n')}\n`;
}

/** The run facts a CI reader may want beside the results (a listen run has no seed and no runs). */
function properties(report: CertificationReport): Array<[string, string]> {
  const sender = isSenderReport(report);
  return [
    ['hookproof.version', report.tool.version],
    ...(sender ? [['subject', 'sender'] as [string, string]] : []),
    ['verdict', report.verdict],
    ...(report.verdictReason !== undefined ? [['verdict.reason', report.verdictReason] as [string, string]] : []),
    ...(report.scope !== undefined ? [['scope', report.scope.level] as [string, string]] : []),
    ...(isPartial(report.scope) ? [['scope.narrowed', scopeLine(report.scope)] as [string, string]] : []),
    ['target.url', report.target.url],
    ['target.trust', report.target.trust],
    ['spec.path', report.spec.path],
    ['spec.sha256', report.spec.sha256],
    ...(report.spec.title !== undefined ? [['spec.title', report.spec.title] as [string, string]] : []),
    ...(report.spec.version !== undefined ? [['spec.version', report.spec.version] as [string, string]] : []),
    ...(sender
      ? []
      : ([
          ['seed', String(report.seed)],
          ['runs', String(report.options.runs)],
        ] as Array<[string, string]>)),
    ['startedAt', report.startedAt],
    ['finishedAt', report.finishedAt],
    ...(report.gone !== undefined ? [['gone', report.gone.caseLabel] as [string, string]] : []),
  ];
}

/** JUnit timestamps have no zone and no fraction (the Ant schema's pattern); this one is UTC. */
function junitTimestamp(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toISOString().slice(0, 19);
}

/** The hints and findings, root causes first, as in the console. */
function fixFirst(report: CertificationReport): string {
  const lines = findingLines(report.hints ?? [], report.findings ?? []);
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

function suiteSummary(report: CertificationReport): string {
  const { pass, fail, warn, skip, cases } = report.summary;
  const gone = report.gone !== undefined ? `\n${goneMessage(report.gone.caseLabel)}` : '';
  if (isSenderReport(report)) {
    return `hookproof ${report.tool.version}: sender check ${report.verdict.toUpperCase()}, listening on ${report.target.url}: ${pass} passed, ${fail} failed, ${warn} warnings, ${skip} skipped, ${cases} deliveries received.${gone}\n`;
  }
  const partial = isPartial(report.scope) ? ` ${scopeLine(report.scope)}.` : '';
  return `hookproof ${report.tool.version}: verdict ${report.verdict.toUpperCase()}${isPartial(report.scope) ? ' (PARTIAL)' : ''} for ${report.target.url} (seed ${report.seed}): ${pass} passed, ${fail} failed, ${warn} warnings, ${skip} skipped, ${report.summary.blocked ?? 0} blocked, ${cases} cases.${report.verdictReason !== undefined ? ` ${report.verdictReason}.` : ''}${partial}${gone}\n`;
}
