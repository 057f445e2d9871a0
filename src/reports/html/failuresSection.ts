import type { Failure } from '../../evidence/failure';
import { describeRecipe } from '../../evidence/signatureRecipe';
import type { CertificationReport, CheckReport } from '../../evidence/certificationReport';
import { CURL_HINT } from '../text/failureText';
import { answerBlock } from './answerBlock';
import { html, type SafeHtml } from './safeHtml';
import { statusBadge } from './statusBadge';

/** Bodies can be megabytes (EVT-4's long strings); the certificate shows a readable start. */
const BODY_PREVIEW_CHARS = 4000;

/** Each failing or warning check's failures, with everything needed to reproduce them. */
export function failuresSection(report: CertificationReport): SafeHtml {
  const withFailures = report.checks.filter((c) => c.failures.length > 0);
  if (withFailures.length === 0) return html`<section id="failures"><h2>Failures</h2><p>No failing case.</p></section>`;
  return html`<section id="failures"><h2>Failures</h2>${withFailures.map(checkFailures)}</section>`;
}

function checkFailures(check: CheckReport): SafeHtml {
  return html`<h3>${statusBadge(check.status)} <span class="mono">${check.id}</span> (${check.requirement}, ${check.severity}): ${check.title}</h3>
${check.failures.map((f) => failureBlock(f, check.status === 'warn' ? 'f-warn' : 'f-fail'))}`;
}

function failureBlock(failure: Failure, kind: string): SafeHtml {
  return html`<article class="failure ${kind}" id="case-${failure.case}">
<dl>
<dt>Case</dt><dd class="mono">${failure.case}</dd>
<dt>Label</dt><dd>${failure.label}</dd>
<dt>Expected</dt><dd>${failure.expected}</dd>
<dt>Actual</dt><dd>${failure.actual}</dd>
<dt>X-Signature</dt><dd class="mono">${describeRecipe(failure.request.signature)}</dd>
</dl>
${failure.answer !== undefined ? answerBlock(failure.answer) : ''}
<p class="hint">${CURL_HINT}</p>
<pre class="curl">${failure.reproduce.curl}</pre>
<p class="hint">or replay it with hookproof:</p>
<pre class="replay">${failure.reproduce.replay}</pre>
${bodyPreview(failure)}
</article>`;
}

function bodyPreview(failure: Failure): SafeHtml {
  const { bodyText, bodyBase64 } = failure.request;
  const [label, text] = bodyText !== undefined ? ['Request body', bodyText] : ['Request body (not UTF-8; base64)', bodyBase64];
  const cut = text.length > BODY_PREVIEW_CHARS;
  return html`<p class="hint">${label}${cut ? `, first ${BODY_PREVIEW_CHARS} of ${text.length} characters (all of it is in the curl above and in report.json)` : ''}:</p>
<pre class="body">${cut ? text.slice(0, BODY_PREVIEW_CHARS) : text}</pre>`;
}
