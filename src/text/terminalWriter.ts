import { escapeUnsafeChar, terminalSafe, UNSAFE_CHARS } from './terminalSafe';

/**
 * hookproof's one way to the console. Every line a command writes passes through here, whatever
 * it quotes (a receiver's answer, a report, a spec, a pact, a targets file, another tool's output),
 * so text from outside never reaches a terminal raw even where its source forgot to escape it.
 * A line holding line breaks is written as several lines; nothing else a terminal acts on survives.
 */
export function terminalSafeWriter(write: (line: string) => void): (line: string) => void {
  return (line) => {
    for (const part of line.split('\n')) write(terminalSafe(part));
  };
}

/**
 * A block of lines made terminal-safe line by line (LF kept, everything else escaped): for text
 * that reaches a console by another way than a CLI writer, such as the jest adapter's failure
 * messages and warnings, which jest prints.
 */
export function terminalSafeBlock(text: string): string {
  return text.split('\n').map(terminalSafe).join('\n');
}

/**
 * The control sequences hookproof itself writes to a live progress stream: the clear-line redraw
 * (`\r ESC[2K`) and SGR colours (`ESC[31m`). Only these pass raw; they are hookproof's, never text
 * from outside, since the progress renderer writes nothing a peer sent.
 */
// eslint-disable-next-line no-control-regex -- ESC starts both sequences: matching it is the point
const OWN_SEQUENCE = /\r\u001b\[2K|\u001b\[[0-9]{1,2}m/g;

/** `text` with every unsafe character except LF escaped, hookproof's own sequences left as they are. */
function safeStreamText(text: string): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(OWN_SEQUENCE)) {
    out += escapeKeepingLineBreaks(text.slice(last, match.index)) + match[0];
    last = match.index + match[0].length;
  }
  return out + escapeKeepingLineBreaks(text.slice(last));
}

function escapeKeepingLineBreaks(text: string): string {
  return text.replace(UNSAFE_CHARS, (ch) => (ch === '\n' ? ch : escapeUnsafeChar(ch)));
}

/** A stream's `write`, through the same filter as {@link terminalSafeWriter} (live redraws and colours kept). */
export function terminalSafeStreamWrite(write: (text: string) => unknown): (text: string) => unknown {
  return (text) => write(safeStreamText(text));
}
