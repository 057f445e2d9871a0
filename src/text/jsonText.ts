/**
 * Characters JSON.stringify leaves raw that act on a terminal or hide text when a file is shown
 * with `cat` or `less`: DEL, C1 controls (U+009B works as ESC [ on some terminals), bidi marks,
 * overrides and isolates, zero-width characters, the BOM and the line/paragraph separators.
 * JSON.stringify already escapes C0 controls and lone surrogates.
 */
const RAW_AFTER_STRINGIFY = /[\u007f-\u009f\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2069\ufeff]/g;

function escapeChar(ch: string): string {
  return `\\u${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * A value as two-space indented JSON text ending with a newline, with every character that could
 * act on a terminal written as a `\uXXXX` escape. The escapes are plain JSON: a reader gets the
 * same values back, so digests over parsed values do not change.
 */
export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2).replace(RAW_AFTER_STRINGIFY, escapeChar)}\n`;
}
