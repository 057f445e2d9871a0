import { describeSpecVersion } from '../../spec/specVersion';
import { isSenderReport, type CertificationReport } from '../../evidence/certificationReport';
import { formatDuration } from '../../text/formatDuration';
import { html, type SafeHtml } from './safeHtml';

/** A timestamp for people, in UTC, keeping the exact ISO value available on hover. */
function when(iso: string): SafeHtml {
  const date = new Date(iso);
  const shown = Number.isNaN(date.getTime()) ? iso : `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
  return html`<time datetime="${iso}">${shown}</time>`;
}

/** Who tested what, with which spec, when and how: the facts a certifier checks. */
export function factsSection(report: CertificationReport): SafeHtml {
  const { options } = report;
  const duration = Date.parse(report.finishedAt) - Date.parse(report.startedAt);
  return html`<section id="facts" aria-label="run facts"><dl class="facts">
<dt>Target</dt><dd class="mono" id="target-url">${report.target.url}</dd>
<dt>Trust</dt><dd>${report.target.trust}</dd>
<dt>Spec</dt><dd class="mono">${report.spec.path}</dd>
${specVersionFact(report)}<dt>Spec SHA-256</dt><dd class="mono" id="spec-sha256">${report.spec.sha256}</dd>
<dt>Tool</dt><dd>${report.tool.name} ${report.tool.version}</dd>
<dt>Started</dt><dd>${when(report.startedAt)}</dd>
<dt>Finished</dt><dd>${when(report.finishedAt)} (${formatDuration(duration)})</dd>
${settings(report)}
<dt>Event types</dt><dd>${options.types.length > 0 ? options.types.join(', ') : 'none'}</dd>
</dl>
${counts(report)}
</section>`;
}

/** Seed and settings of a certify run; a listen run has neither seed nor runs nor timeout. */
function settings(report: CertificationReport): SafeHtml {
  const { options } = report;
  if (isSenderReport(report)) return html`<dt>Settings</dt><dd>${options.secrets} secret(s) held by the listener</dd>`;
  return html`<dt>Seed</dt><dd class="mono">${report.seed}</dd>
<dt>Settings</dt><dd>${options.runs} runs per property, ${options.timeoutMs} ms timeout, ${options.maxEventBytes !== undefined ? `bodies up to ${options.maxEventBytes} bytes, ` : ''}concurrency ${options.concurrency}, ${options.secrets} secret(s), plain http ${options.allowHttp ? 'allowed' : 'refused'}</dd>`;
}

function counts(report: CertificationReport): SafeHtml {
  const { pass, fail, warn, skip, cases } = report.summary;
  const item = (n: number, label: string): SafeHtml => html`<li><b>${n}</b> ${label}</li>`;
  return html`<ul class="counts" aria-label="summary">${[
    item(pass, 'passed'),
    item(fail, 'failed'),
    item(warn, 'warnings'),
    item(skip, 'skipped'),
    ...(report.summary.blocked !== undefined ? [item(report.summary.blocked, 'blocked')] : []),
    ...(report.summary.inconclusive !== undefined ? [item(report.summary.inconclusive, 'inconclusive')] : []),
    item(cases, isSenderReport(report) ? 'deliveries received' : 'cases sent'),
  ]}</ul>`;
}

/** The spec's name and version (gridX's date for its own files), when known. */
function specVersionFact(report: CertificationReport): SafeHtml | string {
  const text = describeSpecVersion(report.spec);
  return text === undefined ? '' : html`<dt>Spec version</dt><dd id="spec-version">${text}</dd>\n`;
}
