import { plural } from '../text/plural';
import { answerReason } from './answerReason';
import type { ReceiverAnswer } from '../evidence/ReceiverAnswer';

/**
 * What the receiver did, in a few words: `400 json: unknown field "accountID"`,
 * `301 → https://example.com/hooks/`, `no answer: timeout after 5000 ms`,
 * `no answer: CONNECTION_REFUSED connect ECONNREFUSED 127.0.0.1:1`.
 */
export function describeAnswer(answer: ReceiverAnswer): string {
  if (answer.status === undefined || answer.error !== undefined) return noAnswer(answer);
  const location = answer.headers.location;
  const reason = answerReason(answer);
  return [String(answer.status), location !== undefined ? `→ ${location}` : '', reason].filter((part) => part !== '').join(' ');
}

function noAnswer(answer: ReceiverAnswer): string {
  const partial = answer.status !== undefined ? ` (after status ${answer.status})` : '';
  if (answer.error === undefined) return `no answer${partial}`;
  if (answer.error.code === 'TIMEOUT') return `no answer: timeout, ${answer.error.message}${partial}`;
  return `no answer: ${answer.error.code} ${answer.error.message}${partial}`;
}

/**
 * The answer as report lines: status, gridX's reading, content type, size and the explaining
 * headers on the first; the body (as much as was kept) on the second.
 */
export function answerLines(answer: ReceiverAnswer): string[] {
  if (answer.status === undefined) return [`answer:   ${describeAnswer(answer)} after ${answer.durationMs} ms`];
  const facts = [`${answer.status} ${answer.outcome === 'error' ? 'incomplete' : answer.outcome}`];
  if (answer.contentType !== undefined) facts.push(answer.contentType);
  facts.push(plural(answer.bodyBytes, 'byte'));
  for (const [name, value] of Object.entries(answer.headers)) facts.push(`${name}: ${value}`);
  if (answer.error !== undefined) facts.push(`then ${answer.error.code} ${answer.error.message}`);
  const lines = [`answer:   ${facts.join(' · ')}`];
  if (answer.body !== '') lines.push(`body:     ${answer.body}${answer.bodyTruncated ? ' …(cut)' : ''}`);
  return lines;
}
