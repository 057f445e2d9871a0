import { EMBEDDED_REPORT_ID, jsonForScriptBlock } from '../../attest/embeddedReport';
import { renderReportJson } from '../json/renderReportJson';
import type { CertificationReport } from '../../evidence/certificationReport';
import { html, SafeHtml } from './safeHtml';

/**
 * The report's digest, provenance and (for a recheck) what it rechecked: what a certifier needs
 * to tie this page to report.json, to the machine it spoke to, and to the run it confirms.
 */
export function provenanceSection(report: CertificationReport): SafeHtml {
  const p = report.provenance;
  const tls = p?.connection?.tls;
  return html`<section id="provenance" aria-label="provenance"><h2>Provenance</h2><dl class="facts">
${report.digest !== undefined ? html`<dt>Report digest</dt><dd class="mono" id="report-digest">${report.digest}</dd>` : ''}
${
  p !== undefined
    ? html`<dt>Command</dt><dd class="mono">hookproof ${p.command.join(' ')}</dd>
<dt>Runtime</dt><dd>Node.js ${p.node} on ${p.platform}</dd>`
    : ''
}
${p?.connection !== undefined ? html`<dt>Target address</dt><dd class="mono">${p.connection.address} port ${p.connection.port}</dd>` : ''}
${tls !== undefined ? html`<dt>Certificate SHA-256</dt><dd class="mono">${tls.certificateSha256}</dd><dt>Certificate expires</dt><dd>${tls.validTo}</dd>` : ''}
${recheckFacts(report)}
</dl>
<p>This page embeds its report.json: <code>hookproof report verify report.html</code> checks it and <code>hookproof recheck report.html</code> runs it again.</p>
</section>`;
}

function recheckFacts(report: CertificationReport): SafeHtml | '' {
  const r = report.recheck;
  if (r === undefined) return '';
  const differing = r.checks.filter((c) => c.result === 'differs');
  return html`<dt>Rechecks</dt><dd class="mono">${r.of.digest} (verdict ${r.of.verdict}, run ${r.of.startedAt})</dd>
<dt>Recheck</dt><dd><b>${r.verdict.toUpperCase()}</b>${differing.length > 0 ? html`: ${differing.map((c) => `${c.requirement} ${c.id} was ${c.original}, now ${c.now}${c.firstDifferingCase !== undefined ? ` (first differing case ${c.firstDifferingCase.case}: ${c.firstDifferingCase.label})` : ''}`).join('; ')}` : ''}</dd>`;
}

/**
 * report.json itself, in a data block (`type="application/json"` is never executed, and the page's
 * CSP allows no script anyway), with `<` escaped so nothing inside can end the block.
 */
export function embeddedReport(report: CertificationReport): SafeHtml {
  return new SafeHtml(`<script type="application/json" id="${EMBEDDED_REPORT_ID}">${jsonForScriptBlock(renderReportJson(report).trimEnd())}</script>`);
}
