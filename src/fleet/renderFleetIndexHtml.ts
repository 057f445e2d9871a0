import { CONTENT_SECURITY_POLICY } from '../reports/html/renderReportHtml';
import { html, SafeHtml } from '../reports/html/safeHtml';
import type { FleetEntry, FleetIndex } from './fleetIndex';

/** index.html: one table row per target (verdict, failing requirements, change), linking each report. */
export function renderFleetIndexHtml(index: FleetIndex): string {
  const { pass, fail, incomplete, error } = index.summary;
  const shard = index.shard !== undefined ? ` (shard ${index.shard.index}/${index.shard.total} of ${index.targetsInFile} targets)` : '';
  return html`<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<meta name="referrer" content="no-referrer">
<title>hookproof fleet: ${pass} pass, ${fail} fail, ${incomplete} incomplete, ${error} error</title>
<style>${new SafeHtml(STYLE)}</style>
</head>
<body>
<h1>gridX receiver fleet${shard}</h1>
<p>${index.startedAt} – ${index.finishedAt}: <b>${pass}</b> pass, <b>${fail}</b> fail, <b>${incomplete}</b> incomplete, <b>${error}</b> could not run${index.previous !== undefined ? html`; changes against ${index.previous}` : ''}.</p>
<table>
<thead><tr><th>target</th><th>URL</th><th>verdict</th><th>failing requirements</th><th>change</th><th>report</th></tr></thead>
<tbody>
${index.targets.map(row)}
</tbody>
</table>
</body>
</html>
`.markup;
}

function row(entry: FleetEntry): SafeHtml {
  const verdict = entry.verdict.toUpperCase() + (entry.recheck !== undefined ? ` (recheck ${entry.recheck})` : '');
  return html`<tr class="${entry.verdict}"><td>${entry.name}</td><td class="mono">${entry.url}</td><td>${verdict}</td><td>${entry.error ?? (entry.failingRequirements.join(', ') || '—')}</td><td>${entry.change ?? ''}</td><td>${entry.verdict === 'error' ? '' : html`<a href="${`${encodeURI(entry.reportDir)}/report.html`}">report</a>`}</td></tr>
`;
}

const STYLE = `body{font:14px/1.4 system-ui,sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}
.mono{font-family:ui-monospace,monospace}.pass td:nth-child(3){color:#060}.fail td:nth-child(3),.error td:nth-child(3){color:#a00;font-weight:bold}.incomplete td:nth-child(3){color:#a60;font-weight:bold}`;
