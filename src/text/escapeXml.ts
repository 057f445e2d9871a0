import { replaceInvalidChars } from './sanitize';

/** Escapes text for an XML element's content. `>` is escaped too, so `]]>` can never appear. */
export function escapeXmlText(text: string): string {
  return replaceInvalidChars(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Escapes text for a double- or single-quoted XML attribute value. Tab, LF and CR become character
 * references because a parser would otherwise normalise them to spaces (XML 1.0 §3.3.3), and a
 * multi-line failure message would arrive as one line.
 */
export function escapeXmlAttribute(text: string): string {
  return escapeXmlText(text).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}
