/**
 * Characters that act on a terminal or a page rather than show, or that hide or reorder text: C0
 * controls (ESC starts colour, title and screen-clearing sequences; CR and LF forge lines; tab
 * shifts columns), DEL, C1 controls (CSI U+009B acts like ESC [ on some terminals), the
 * bidirectional marks, overrides and isolates (U+061C, U+200E/F, U+202A-E, U+2066-9), zero-width
 * characters and the BOM, the line and paragraph separators, and lone surrogates. The markup
 * encoders (`replaceInvalidChars`) escape the same set, less tab, LF and CR.
 */
export const UNSAFE_CHARS =
  // eslint-disable-next-line no-control-regex -- matching control characters (ANSI escapes start with one) is this regex's purpose
  /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const SHORT: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** The visible escape of one unsafe character: `\n`, `\t`, `\r`, else `\uXXXX` (upper-case hex). */
export function escapeUnsafeChar(ch: string): string {
  return SHORT[ch] ?? `\\u${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Text from a sender or a receiver (an event id, a type, an answer body, an error message) made
 * safe to print on one line of a terminal or a report: every unsafe character becomes a visible
 * escape (`\n`, `\t`, `\u001B`), so a hostile peer can neither clear the screen, retitle the
 * window, forge a line nor hide part of a report, and a reader still sees where such characters were.
 * hookproof's one control-character escaper: the console writer (`terminalWriter`), the CLI and
 * the findings all use it.
 */
export function terminalSafe(text: string): string {
  return text.replace(UNSAFE_CHARS, escapeUnsafeChar);
}
