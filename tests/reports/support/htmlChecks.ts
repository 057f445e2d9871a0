/** The start tag of the JSON data block report.html embeds report.json in. */
export const EMBEDDED_REPORT_TAG = '<script type="application/json" id="hookproof-report-json">';

/** Script tags other than the data block: executable script, which no report page may carry. */
export function executableScripts(markup: string): string[] {
  return (markup.match(/<script\b[^>]*>/gi) ?? []).filter((tag) => tag !== EMBEDDED_REPORT_TAG);
}

/**
 * Static checks that a report page cannot reach the network, looking only where a load can be
 * requested (text content is inert, and escaped bodies are full of `src=`): in tags, no element
 * that loads or embeds (script, link, img, iframe …) and no attribute that names a resource (src,
 * href, srcset, action, poster, data …); in `<style>` blocks and style attributes, no `url(` or
 * `@import`. Returns the offending snippets (empty when none). Works on markup as written and on
 * the DOM the browser dumped.
 */
export function networkReferences(markup: string): string[] {
  const found: string[] = [];
  for (const tag of tagsOf(markup)) {
    // report.json's data block: never executed, loads nothing (a src on it would still be caught).
    if (tag === EMBEDDED_REPORT_TAG) continue;
    if (/^<(?:script|link|iframe|frame|object|embed|img|image|audio|video|source|track|base|portal)\b/i.test(tag)) found.push(tag);
    const attr = /\s(?:src|href|srcset|action|formaction|poster|data|background|ping|xlink:href|manifest)\s*=/i.exec(tag);
    if (attr !== null) found.push(tag);
    if (/\sstyle\s*=[^>]*(?:url\s*\(|@import)/i.test(tag)) found.push(tag);
  }
  for (const style of markup.match(/<style[^>]*>[\s\S]*?<\/style>/gi) ?? []) {
    for (const match of style.matchAll(/url\s*\(|@import/gi)) found.push(match[0]);
  }
  return found;
}

/** The start tags of a page (style contents left out): where attributes live. */
export function tagsOf(markup: string): string[] {
  return markup.replace(/<style[^>]*>[\s\S]*?<\/style>/gi, '<style>').match(/<[a-zA-Z][^>]*>/g) ?? [];
}

/** The text of the page's body as a person reads it: tags removed, entities decoded, spaces collapsed. */
export function bodyText(markup: string): string {
  const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(markup)?.[1] ?? '';
  return (
    body
      .replace(/<style[\s\S]*?<\/style>/gi, ' ')
      // The report.json data block is not shown: what the page says must be said in visible text.
      .replace(/<script[\s\S]*?<\/script>/gi, ' ')
      .replace(/<[^>]+>/g, ' ')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&')
      .replace(/\s+/g, ' ')
  );
}
