import type { Finding } from '../../evidence/Finding';
import { requirementList } from '../../findings/requirementList';
import type { CertificationReport } from '../../evidence/certificationReport';
import { plural } from '../../text/plural';
import { answerBlock } from './answerBlock';
import { html, type SafeHtml } from './safeHtml';

/**
 * "What to fix first", at the top of the page: the set-up hints, then each finding (a root cause)
 * with the receiver's own answer, the requirements it explains and those it blocks, and the case
 * IDs of its failures (no links: the page references nothing, not even itself). Empty when nothing failed.
 */
export function findingsSection(report: CertificationReport): SafeHtml {
  const hints = report.hints ?? [];
  const findings = report.findings ?? [];
  if (hints.length === 0 && findings.length === 0) return html``;
  return html`<section id="findings"><h2>What to fix first</h2>
${hints.map((hint) => html`<p class="callout hint-${hint.code}"><strong>Set-up:</strong> ${hint.message}</p>`)}
${findings.length > 0 ? html`<ol class="findings">${findings.map(findingItem)}</ol>` : ''}
</section>`;
}

function findingItem(finding: Finding): SafeHtml {
  return html`<li class="finding f-${finding.severity}">
<p><strong>${finding.title}</strong> (${plural(finding.cases, 'case')}${finding.eventTypes.length > 1 ? `, ${finding.eventTypes.length} event types` : ''})</p>
<p>Explains <strong>${requirementList(finding.explains)}</strong>${finding.blocks.length > 0 ? html`; blocks <strong>${requirementList(finding.blocks)}</strong>` : ''}. Expected: ${finding.expected}.</p>
${finding.answer !== undefined ? answerBlock(finding.answer) : ''}
<p class="hint">Failures (below): <span class="mono">${finding.failures.join(', ')}</span></p>
</li>`;
}
