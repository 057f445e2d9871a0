import type { ReceiverAnswer } from '../evidence/ReceiverAnswer';

// What differs between answers to different cases but says nothing about the cause: ids,
// timestamps, digests, counters. Order matters: a UUID or timestamp is replaced before its digits.
const VOLATILE: ReadonlyArray<readonly [RegExp, string]> = [
  [/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<uuid>'],
  [/\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?/gi, '<time>'],
  [/\b(?=[0-9a-f]*\d)[0-9a-f]{16,}\b/gi, '<hex>'],
  [/\d+/g, '<n>'],
  [/\\[nrt]|\s+/g, ' '],
  [/ {2,}/g, ' '],
];

/** Text with ids, timestamps, digests and numbers replaced by placeholders, and white space collapsed. */
export function normaliseText(text: string): string {
  let result = text;
  for (const [pattern, placeholder] of VOLATILE) result = result.replace(pattern, placeholder);
  return result.trim();
}

/**
 * What the receiver did, as a grouping key: answers that differ only in ids, timestamps, digests
 * or numbers in their body or location, or in the echo of the case's own event type in their body,
 * have the same key; a different status, transport error, redirect target or message does not. Transport errors group by code (their messages carry ports).
 */
export function answerKey(answer: ReceiverAnswer, eventType?: string): string {
  if (answer.status === undefined) return `no-answer ${answer.error?.code ?? 'OTHER'}`;
  const location = answer.headers.location;
  const incomplete = answer.error !== undefined ? ` incomplete:${answer.error.code}` : '';
  return `${answer.status}${incomplete}${location !== undefined ? ` → ${normaliseText(location)}` : ''} ${normaliseText(withoutEcho(answer.body, eventType))}`;
}

/**
 * `text` with the case's own event type replaced by a placeholder: a receiver whose error echoes
 * the request ("unsupported type gateway/create") says the same thing to every type, so its answers
 * group into one finding, not one per type. Also matches the type as JSON escapes it (`\/`).
 */
export function withoutEcho(text: string, eventType: string | undefined): string {
  if (eventType === undefined || eventType === '') return text;
  // Whole tokens only: the type `ping` is echoed in "unsupported ping", not in "mapping failed".
  const forms = [eventType, eventType.replace(/\//g, '\\/')].map((form) => form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return text.replace(new RegExp(`(?<![\\w/-])(?:${forms.join('|')})(?![\\w/-])`, 'g'), '<type>');
}
