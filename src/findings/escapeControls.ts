/**
 * C0 and C1 controls, DEL, and the invisible format characters that reorder or hide text on a
 * terminal or page (bidi overrides and isolates, zero-width characters, BOM), plus lone surrogates.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is this regex's purpose
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const SHORT: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/**
 * Text a receiver sent, made safe to print anywhere on one line: every unsafe character becomes a
 * visible escape (`\n`, `\t`, `\u001B`), so a body with an ANSI escape can neither recolour a
 * terminal nor hide part of a report, and a reader still sees where such characters were.
 */
export function escapeControls(text: string): string {
  return text.replace(UNSAFE, (ch) => SHORT[ch] ?? `\\u${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}
