import { describeAnswer } from '../../findings/describeAnswer';
import type { ReceiverAnswer } from '../../evidence/ReceiverAnswer';
import { plural } from '../../text/plural';
import { html, type SafeHtml } from './safeHtml';

/** The receiver's own answer: status line, content type, explaining headers, and the start of its body. */
export function answerBlock(answer: ReceiverAnswer): SafeHtml {
  const facts = [
    answer.status !== undefined ? `${answer.status} (${answer.outcome})` : describeAnswer(answer),
    answer.contentType,
    answer.status !== undefined ? plural(answer.bodyBytes, 'byte') : undefined,
    ...Object.entries(answer.headers).map(([name, value]) => `${name}: ${value}`),
    answer.status !== undefined && answer.error !== undefined ? `then ${answer.error.code} ${answer.error.message}` : undefined,
  ].filter((fact): fact is string => fact !== undefined);
  return html`<div class="answer"><p class="hint">The receiver answered: <span class="mono">${facts.join(' · ')}</span></p>
${answer.body !== '' ? html`<pre class="body answer-body">${answer.body}${answer.bodyTruncated ? ' …(cut)' : ''}</pre>` : ''}</div>`;
}
