import { UNSAFE_CHARS } from '../text/terminalSafe';

/** The id of the `<script type="application/json">` element report.html carries report.json in. */
export const EMBEDDED_REPORT_ID = 'hookproof-report-json';

/**
 * report.json's text made safe inside an HTML data block: every `<` becomes `\u003c` (still the
 * same JSON once parsed), so no `</script>` or `<!--` in a label or body can end or change the
 * block; and every character the markup encoders escape (C1 controls, bidi controls, zero-width
 * characters, which JSON.stringify leaves raw) becomes its JSON escape, so the page carries none
 * raw. Such characters only occur inside JSON strings, where `\uXXXX` means the same character:
 * the parsed value, and so the digest, is unchanged.
 */
export function jsonForScriptBlock(json: string): string {
  return json.replace(/</g, '\\u003c').replace(UNSAFE_CHARS, (ch) => (ch === '\n' || ch === '\r' || ch === '\t' ? ch : `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

/** The JSON text of the data block in a report.html page, or undefined when there is none. */
export function extractEmbeddedJson(page: string): string | undefined {
  const open = new RegExp(`<script type="application/json" id="${EMBEDDED_REPORT_ID}">`);
  const match = open.exec(page);
  if (match === null) return undefined;
  const start = match.index + match[0].length;
  const end = page.indexOf('</script>', start);
  return end < 0 ? undefined : page.slice(start, end);
}
