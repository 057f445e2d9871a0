import { CONTENT_SECURITY_POLICY } from '../reports/html/renderReportHtml';
import { html, SafeHtml } from '../reports/html/safeHtml';
import { STYLES } from '../reports/html/styles';
import { escapeXmlAttribute, escapeXmlText } from '../text/escapeXml';
import { capacityChart } from '../reports/html/capacityChart';
import type { CapacityReport } from './capacityReport';
import { probeBoundText } from '../evidence/probeBound';
import type { CapacityJudgement } from './judgeCapacity';
import { jsonText } from '../text/jsonText';

/** capacity.json: the report, two-space indented, one trailing newline. */
export function renderCapacityJson(report: CapacityReport): string {
  return jsonText(report);
}

/** The console summary, one line per requirement; text from the receiver is escaped by the caller's sink. */
export function capacityLines(report: CapacityReport): string[] {
  const lines = [`hookproof capacity → ${report.target}  (PARTIAL: capacity only, not a certificate)`];
  for (const phase of report.phases) {
    lines.push(
      `  ${phase.name.padEnd(17)} ${String(phase.rate).padStart(7)}/s  sent ${phase.sent}  ok ${phase.classes.success - phase.lateSuccesses}  achieved ${phase.achievedRate}/s  p50 ${phase.latency.p50Ms} ms  p90 ${phase.latency.p90Ms} ms  p99 ${phase.latency.p99Ms} ms  max ${phase.latency.maxMs} ms`,
    );
  }
  if (report.findMax !== undefined) {
    const broke = report.findMax.brokeAt;
    lines.push(`  find-max: holds ${report.findMax.maxHeldRate} events/s${broke !== undefined ? `; at ${broke.rate}/s ${broke.how}` : ' (nothing up to --max-rate broke it)'}`);
    const bound = probeBoundText(report.findMax);
    if (bound !== undefined) lines.push(`  find-max: ${bound}`);
  }
  for (const judgement of report.requirements) lines.push(`${judgement.requirement} ${judgement.status.toUpperCase().padEnd(12)} ${judgement.summary}`);
  lines.push(`verdict: ${report.verdict.toUpperCase()} (PARTIAL: capacity only)`);
  return lines;
}

/** junit.xml: one testcase per capacity requirement judged. */
export function renderCapacityJunit(report: CapacityReport): string {
  const failures = report.requirements.filter((r) => r.status === 'fail').length;
  const skipped = report.requirements.filter((r) => r.status === 'skipped' || r.status === 'inconclusive').length;
  const seconds = ((Date.parse(report.finishedAt) - Date.parse(report.startedAt)) / 1000).toFixed(3);
  const counts = `tests="${report.requirements.length}" failures="${failures}" errors="0" skipped="${skipped}" time="${seconds}"`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="hookproof capacity (PARTIAL)" ${counts}>`,
    `  <testsuite name="hookproof capacity (PARTIAL)" ${counts}>`,
    ...report.requirements.map(testcase),
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

function testcase(judgement: CapacityJudgement): string {
  const open = `    <testcase classname="hookproof.capacity" name="${escapeXmlAttribute(judgement.requirement)}">`;
  const message = escapeXmlAttribute(judgement.summary);
  if (judgement.status === 'fail') return `${open}<failure message="${message}">${escapeXmlText(judgement.summary)}</failure></testcase>`;
  if (judgement.status === 'skipped' || judgement.status === 'inconclusive')
    return `${open}<skipped message="${escapeXmlAttribute(`${judgement.status}: ${judgement.summary}`)}"/></testcase>`;
  return `${open}<system-out>${escapeXmlText(judgement.summary)}</system-out></testcase>`;
}

/** capacity.html: self-contained, no script; the chart is inline SVG. */
export function renderCapacityHtml(report: CapacityReport): string {
  const rows = report.phases.map(
    (p) =>
      html`<tr><td>${p.name}</td><td>${p.rate}</td><td>${p.sent}</td><td>${p.classes.success - p.lateSuccesses}</td><td>${p.achievedRate}</td><td>${p.latency.p50Ms}</td><td>${p.latency.p90Ms}</td><td>${p.latency.p99Ms}</td><td>${p.latency.maxMs}</td><td>${Object.entries(
        p.statuses,
      )
        .map(([s, n]) => `${s}×${n}`)
        .join(' ')}</td></tr>`,
  );
  const judgements = report.requirements.map(
    (r) =>
      html`<tr><td>${r.requirement}</td><td class="status-${r.status}">${r.status.toUpperCase()}</td><td>${r.summary}</td></tr>${r.failures.map(
        (f) =>
          html`<tr><td></td><td></td><td><code>${f.type} ${f.id}: ${f.status !== undefined ? String(f.status) : f.outcome} after ${f.latencyMs} ms ${f.answer}</code></td></tr>`,
      )}`,
  );
  const page = html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>hookproof capacity: ${report.verdict.toUpperCase()} (PARTIAL): ${report.target}</title>
<style>${new SafeHtml(STYLES)}</style>
</head>
<body>
<main>
<header><h1>gridX webhook receiver capacity · hookproof ${report.tool.version}</h1></header>
<section><h2>Verdict: ${report.verdict.toUpperCase()} <small>(PARTIAL: capacity only, not a certificate)</small></h2>
<p>Target ${report.target} · ${report.startedAt} to ${report.finishedAt}</p></section>
<section><h2>Requirements</h2><table><thead><tr><th>Requirement</th><th>Status</th><th>What was seen</th></tr></thead><tbody>${judgements}</tbody></table></section>
<section><h2>Rate and latency over time</h2>${capacityChart(report.phases)}</section>
<section><h2>Phases</h2><table><thead><tr><th>Phase</th><th>Offered /s</th><th>Sent</th><th>Accepted in 5 s</th><th>Achieved /s</th><th>p50 ms</th><th>p90 ms</th><th>p99 ms</th><th>max ms</th><th>Statuses</th></tr></thead><tbody>${rows}</tbody></table></section>
</main>
</body>
</html>
`;
  return page.markup;
}
