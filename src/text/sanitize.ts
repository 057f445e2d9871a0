import { escapeUnsafeChar, UNSAFE_CHARS } from './terminalSafe';

/**
 * What a page or an XML file must not carry raw: what the terminal must not (`UNSAFE_CHARS`: C0
 * and C1 controls, bidi controls, zero-width characters, lone surrogates), less tab, LF and CR,
 * which markup shows as white space; plus U+FFFE/U+FFFF, which XML 1.0 forbids outright.
 */
const MARKUP_UNSAFE = new RegExp(`(?![\\t\\n\\r])(?:${UNSAFE_CHARS.source})|[\\uFFFE\\uFFFF]`, 'g');

/**
 * Replaces each character a page or an XML file must not carry with a visible `\uXXXX`, so a report
 * about a body full of control bytes stays well-formed and still shows where they were instead of
 * silently dropping them, and a bidi override or a C1 CSI (U+009B) in a receiver's answer can
 * neither reorder nor act on what a reader of report.html or junit.xml sees. The one markup-safe
 * character filter: `escapeHtml` and `escapeXmlText` both start with it.
 */
export function replaceInvalidChars(text: string): string {
  return text.replace(MARKUP_UNSAFE, escapeUnsafeChar);
}
