/**
 * Characters XML 1.0 forbids outright: C0 controls other than tab, LF and CR, lone UTF-16
 * surrogates, and U+FFFE/U+FFFF. With the `u` flag a lone surrogate is its own code point, so it
 * falls outside every allowed range and matches. HTML treats the same characters as parse errors.
 */
const INVALID_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/**
 * Replaces each character that XML 1.0 cannot carry (even as a character reference) with a visible
 * `\uXXXX`, so a report about a body full of control bytes stays well-formed and still shows where
 * they were instead of silently dropping them.
 */
export function replaceInvalidChars(text: string): string {
  return text.replace(INVALID_XML_CHAR, (ch) => `\\u${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`);
}
