import { escapeXmlAttribute, escapeXmlText } from '../../../text/escapeXml';
import type { PactVerificationReport } from './verificationReport';

/**
 * junit.xml of a `pact verify` run, in the form certify's has: one `<testsuite name="hookproof pact
 * verify">`, one `<testcase>` per interaction (classname its requirement ID), a `<failure>` with
 * the mismatches for a failed one, `<skipped>` with the reason for a pending one (it does not fail
 * the run), run facts in `<properties>`.
 */
export function verificationJunit(report: PactVerificationReport): string {
  const { interactions, failed, pending } = report.summary;
  const seconds = Math.max(0, (Date.parse(report.finishedAt) - Date.parse(report.startedAt)) / 1000).toFixed(3);
  const counts = `tests="${interactions}" failures="${failed}" errors="0" skipped="${pending}" time="${seconds}"`;
  const properties: Array<[string, string]> = [
    ['hookproof.version', report.tool.version],
    ['verdict', report.verdict],
    ['target.url', report.target.url],
    ...report.sources.map((source): [string, string] => ['pact', source]),
    ['startedAt', report.startedAt],
    ['finishedAt', report.finishedAt],
  ];
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="hookproof pact verify" ${counts}>`,
    `  <testsuite name="hookproof pact verify" ${counts} timestamp="${escapeXmlAttribute(report.startedAt.slice(0, 19))}">`,
    '    <properties>',
    ...properties.map(([name, value]) => `      <property name="${escapeXmlAttribute(name)}" value="${escapeXmlAttribute(value)}"/>`),
    '    </properties>',
    ...report.interactions.map((i) => {
      const open = `    <testcase classname="${escapeXmlAttribute(i.requirement === '' ? 'pact' : i.requirement)}" name="${escapeXmlAttribute(i.description)}"`;
      const why = [...i.problems, ...(i.answer !== undefined ? [`receiver answered: ${i.answer}`] : [])].join('\n');
      if (i.status === 'pass') return `${open}/>`;
      if (i.status === 'pending') return `${open}>\n      <skipped message="${escapeXmlAttribute(`pending pact: ${why}`)}"/>\n    </testcase>`;
      return `${open}>\n      <failure message="${escapeXmlAttribute(i.problems[0] ?? 'verification failed')}" type="${escapeXmlAttribute(i.requirement || 'pact')}">${escapeXmlText(why)}</failure>\n    </testcase>`;
    }),
    '  </testsuite>',
    '</testsuites>',
  ];
  return `${lines.join('\n')}\n`;
}
