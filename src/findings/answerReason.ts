import type { ReceiverAnswer } from '../evidence/ReceiverAnswer';
import { terminalSafe } from '../text/terminalSafe';

const REASON_CHARS = 120;

// Fields in which JSON error bodies put their message, most telling first; the pattern also reads a
// body cut short at 512 bytes, which JSON.parse could not.
const JSON_FIELDS = ['error_description', 'message', 'detail', 'error', 'title', 'reason'];
const HTML_TITLE = /<(title|h1)[^>]*>([^<]{1,300})<\/\1>/i;

/**
 * The receiver's own words for what went wrong, on one short line: the message of a JSON error
 * body (`{"error":"json: unknown field \"accountID\""}` gives `json: unknown field "accountID"`),
 * the title of an HTML error page, or the start of a text body. Empty for an empty body. Terminal-
 * safe (see `terminalSafe`), since it lands in finding titles, reports and console lines alike.
 */
export function answerReason(answer: Pick<ReceiverAnswer, 'body'>): string {
  const body = answer.body.trim();
  if (body === '') return '';
  // Escaped after decoding: a JSON message's `\u001b` or `\u202e` only becomes a control character here.
  return terminalSafe(clip(jsonMessage(body) ?? htmlTitle(body) ?? collapse(body)));
}

function jsonMessage(body: string): string | undefined {
  if (!body.startsWith('{') && !body.startsWith('[')) return undefined;
  for (const field of JSON_FIELDS) {
    const match = new RegExp(`"${field}"\\s*:\\s*"((?:[^"\\\\]|\\\\.)*)"`, 'i').exec(body);
    const raw = match?.[1];
    if (raw !== undefined && raw.trim() !== '') return collapse(unescapeJson(raw));
  }
  return undefined;
}

function unescapeJson(raw: string): string {
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return raw;
  }
}

function htmlTitle(body: string): string | undefined {
  if (!body.startsWith('<')) return undefined;
  const text = HTML_TITLE.exec(body)?.[2];
  return text === undefined ? undefined : collapse(text);
}

/** Escaped line breaks and runs of white space become one space. */
function collapse(text: string): string {
  return text
    .replace(/\\[nrt]|\s+/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

function clip(text: string): string {
  return text.length > REASON_CHARS ? `${text.slice(0, REASON_CHARS - 1)}…` : text;
}
