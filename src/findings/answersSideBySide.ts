import { describeAnswer } from './describeAnswer';
import type { ReceiverAnswer } from '../evidence/ReceiverAnswer';

const LABEL_WIDTH = 14;

/**
 * Two answers to the same case in two columns, row by row (status, content type, the explaining
 * headers, body size, body wrapped to the column width), so what changed stands out:
 *
 * ```
 *               recorded                          now
 * status        400 permanent                     202 success
 * body          {"error":"json: unknown field…    (empty)
 * ```
 */
export function answersSideBySide(recorded: ReceiverAnswer | undefined, now: ReceiverAnswer, width = 44): string[] {
  const rows: Array<[string, string[], string[]]> = [['', ['recorded (report)'], ['now']]];
  const cell = (answer: ReceiverAnswer | undefined, read: (a: ReceiverAnswer) => string | undefined): string[] =>
    answer === undefined ? ['(not in the report)'] : wrap(read(answer) ?? '-', width);
  const row = (label: string, read: (a: ReceiverAnswer) => string | undefined, always = false): void => {
    if (!always && (recorded === undefined || read(recorded) === undefined) && read(now) === undefined) return;
    rows.push([label, cell(recorded, read), cell(now, read)]);
  };
  row('status', (a) => (a.status === undefined ? describeAnswer(a) : `${a.status} ${a.outcome === 'error' ? 'incomplete' : a.outcome}`), true);
  row('content-type', (a) => a.contentType);
  row('location', (a) => a.headers.location);
  row('retry-after', (a) => a.headers['retry-after']);
  row('www-authenticate', (a) => a.headers['www-authenticate']);
  row('error', (a) => (a.status !== undefined && a.error !== undefined ? `${a.error.code} ${a.error.message}` : undefined));
  row('body', (a) => (a.status === undefined ? undefined : a.body === '' ? '(empty)' : `${a.body}${a.bodyTruncated ? ' …(cut)' : ''}`), true);
  row('body size', (a) => (a.status === undefined ? undefined : `${a.bodyBytes} bytes`));
  row('time', (a) => `${a.durationMs} ms`, true);
  const lines: string[] = [];
  for (const [label, left, right] of rows) {
    const height = Math.max(left.length, right.length);
    for (let i = 0; i < height; i += 1) {
      lines.push(`${(i === 0 ? label : '').padEnd(LABEL_WIDTH)}${(left[i] ?? '').padEnd(width + 2)}${right[i] ?? ''}`.trimEnd());
    }
  }
  return lines;
}

/** Text cut into lines of at most `width` characters (code points, so no surrogate pair is split). */
function wrap(text: string, width: number): string[] {
  // eslint-disable-next-line @typescript-eslint/no-misused-spread -- code points on purpose (see above): the widths are approximate, a split grapheme cluster only shifts a column
  const chars = [...text];
  const lines: string[] = [];
  for (let i = 0; i < chars.length; i += width) lines.push(chars.slice(i, i + width).join(''));
  return lines.length === 0 ? [''] : lines;
}
