import type { AnyStatus } from '../text/statusLabel';
import { statusLabel } from '../text/statusLabel';
import { html, type SafeHtml } from './safeHtml';

// A symbol and a word as well as a colour, so the status survives black-and-white printing and
// colour blindness.
const SYMBOLS: Readonly<Record<AnyStatus, string>> = {
  pass: '✔',
  fail: '✘',
  warn: '!',
  skip: '–',
  blocked: '⊘',
  inconclusive: '?',
  'not-testable': '∅',
  'not-run': '–',
};

/** A status badge: symbol, word, and a colour class (`s-pass`, `s-fail`, …). */
export function statusBadge(status: AnyStatus): SafeHtml {
  return html`<span class="badge s-${status}"><span aria-hidden="true">${SYMBOLS[status]}</span> ${statusLabel(status)}</span>`;
}
