import { replaceInvalidChars } from './sanitize';

/**
 * Escapes text for HTML element content and quoted attribute values alike. Control characters
 * become visible `\uXXXX` (see {@link replaceInvalidChars}); receivers' bodies contain `<script>`
 * on purpose, and this is what keeps it text.
 */
export function escapeHtml(text: string): string {
  return replaceInvalidChars(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
