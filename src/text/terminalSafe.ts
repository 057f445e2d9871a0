/**
 * Characters a terminal acts on rather than shows: C0 controls (ESC starts colour, title and
 * screen-clearing sequences; CR and LF forge lines), DEL, C1 controls (CSI U+009B acts like ESC [
 * on some terminals), and the bidirectional overrides and isolates that make text display in a
 * different order than it is. Tab is harmless and kept.
 */
// eslint-disable-next-line no-control-regex -- matching control characters (ANSI escapes start with one) is this regex's purpose
const TERMINAL_UNSAFE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * One line of text from a sender or a receiver (an event id, a type, an answer body) made safe to
 * print on a terminal: every character it would act on is written as a visible `\xNN` or
 * `\uNNNN`, so a hostile peer cannot clear the screen, retitle the window or forge a line.
 */
export function terminalSafe(text: string): string {
  return text.replace(TERMINAL_UNSAFE, (ch) => {
    const code = ch.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
