import { isSenderReport, type CertificationReport } from '../../evidence/certificationReport';
import { formatDuration } from '../../text/formatDuration';
import { html, type SafeHtml } from './safeHtml';
import { statusBadge } from './statusBadge';

/** The contract's requirements, each with the combined status of its checks. */
export function requirementsTable(report: CertificationReport): SafeHtml {
  return html`<section id="requirements"><h2>Requirements</h2>
<table><thead><tr><th>ID</th><th>Severity</th><th>Requirement</th><th>Status</th><th>Checks</th></tr></thead><tbody>
${report.requirements.map(
  (
    r,
  ) => html`<tr id="req-${r.id}"><td class="mono id"><b>${r.id}</b></td><td>${r.severity}</td><td>${r.summary}</td><td>${statusBadge(r.status)}</td><td class="mono">${r.checks.join(', ')}</td></tr>
`,
)}</tbody></table></section>`;
}

/** Every check that was selected, with its cases and time, and its note. */
export function checksTable(report: CertificationReport): SafeHtml {
  return html`<section id="checks"><h2>Checks</h2>
<table><thead><tr><th>Check</th><th>Req.</th><th>Title</th><th>Status</th><th class="num">Cases</th><th class="num">Time</th><th>Note</th></tr></thead><tbody>
${report.checks.map(
  (
    c,
  ) => html`<tr id="check-${c.id}"><td class="mono id">${c.id}</td><td class="mono id">${c.requirement}</td><td>${c.title}</td><td>${statusBadge(c.status)}</td><td class="num">${c.cases}</td><td class="num">${formatDuration(c.durationMs)}</td><td>${c.note ?? ''}</td></tr>
`,
)}</tbody></table></section>`;
}

/** Cases sent (deliveries received, for a listen run), by event type (rows) and variant (columns), with totals. */
export function coverageTable(report: CertificationReport): SafeHtml {
  const { variants, rows } = report.coverage;
  const sender = isSenderReport(report);
  if (rows.length === 0) return html`<section id="coverage"><h2>Coverage</h2><p>${sender ? 'No delivery arrived.' : 'No case was sent.'}</p></section>`;
  const cell = (n: number): SafeHtml => html`<td class="num${n === 0 ? ' zero' : ''}">${n}</td>`;
  const total = (counts: Readonly<Record<string, number>>): number => variants.reduce((sum, v) => sum + (counts[v] ?? 0), 0);
  return html`<section id="coverage"><h2>Coverage</h2>
<p class="hint">${sender ? 'Deliveries received, by event type.' : 'Cases sent, by event type and variant.'}</p>
<div class="scroll"><table class="coverage"><thead><tr><th>Event type</th>${variants.map((v) => html`<th class="num">${v}</th>`)}<th class="num">Total</th></tr></thead><tbody>
${rows.map(
  (row) => html`<tr><td class="mono">${row.type}</td>${variants.map((v) => cell(row.counts[v] ?? 0))}${cell(total(row.counts))}</tr>
`,
)}</tbody></table></div></section>`;
}
