import { isSenderReport, type CertificationReport } from '../../evidence/certificationReport';
import { plural } from '../../text/plural';
import { isPartial } from '../../evidence/scope';
import { html, type SafeHtml } from './safeHtml';

/** The GONE banner (empty when the receiver never answered 410): the first thing on the page. */
export function goneBanner(report: CertificationReport): SafeHtml {
  if (report.gone === undefined) return html``;
  return html`<section class="gone" role="alert" id="gone">
<div>⚠ GONE: THE RECEIVER ANSWERED 410</div>
<p>gridX treats 410 Gone as "receiver gone" and <strong>deletes the webhook subscription</strong>. It happened on case
<code>${report.gone.caseLabel}</code>; checks after it were skipped (GONE-1).</p>
</section>`;
}

/** The verdict, big and in words: PASS or FAIL, and what it means for certification. */
export function verdictSection(report: CertificationReport): SafeHtml {
  const failedRequired = report.checks.filter((c) => c.status === 'fail').length;
  const partial = isPartial(report.scope);
  const warnings = report.summary.warn > 0 ? html` (${plural(report.summary.warn, 'warning')} on recommended requirements)` : '';
  const meaning =
    report.verdict === 'pass'
      ? partial
        ? html`<strong>Partial pass: not a certificate</strong>Every required check that ran passed${warnings}, but the run was narrowed, so it proves less than gridX's contract.`
        : html`<strong>Conformant</strong>Every required check that ran passed${warnings}.`
      : report.verdict === 'incomplete'
        ? html`<strong>Not certified: incomplete</strong>${report.verdictReason ?? 'some required requirement has no judged case'}.`
        : html`<strong>Not conformant</strong>${plural(failedRequired, 'required check')} failed.`;
  const word = `${report.verdict === 'pass' ? '✔ PASS' : report.verdict === 'incomplete' ? '? INCOMPLETE' : '✘ FAIL'}${partial ? ' · PARTIAL' : ''}`;
  return html`<section class="verdict v-${report.verdict}" id="verdict" aria-label="verdict">
<div class="verdict-word">${word}</div>
<div class="verdict-text">${meaning}</div>
</section>
${scopeCallouts(report)}`;
}

/** What the verdict does not cover: deselected requirements and a plain-http certify run (TLS-1 is a receiver requirement). */
function scopeCallouts(report: CertificationReport): SafeHtml {
  const notRun = report.requirements.filter((r) => r.status === 'not-run').map((r) => r.id);
  const narrowed = report.scope?.level === 'partial' ? report.scope.details : [];
  const scope =
    narrowed.length > 0
      ? html`<p class="callout" id="scope"><strong>PARTIAL run, not a certificate:</strong> ${narrowed.join('; ')}. A certificate needs every requirement checked, every event type, the default runs and gridX's 5 s deadline.</p>`
      : notRun.length > 0
        ? html`<p class="callout"><strong>Partial run:</strong> ${plural(notRun.length, 'requirement')} not tested: ${notRun.join(', ')}.</p>`
        : '';
  return html`${scope}${
    report.options.allowHttp && !isSenderReport(report)
      ? html`<p class="callout"><strong>Local or staging run:</strong> plain http was allowed, so transport security (TLS-1) was not proven.</p>`
      : ''
  }`;
}
