/** The href of a HAL document's `rel` link (the first, when it is a list), if it has one. */
export function halLink(document: unknown, rel: string): string | undefined {
  return halLinks(document, rel)[0];
}

/** Every href of a HAL document's `rel` link, in order: one for a single link, several for a list. */
export function halLinks(document: unknown, rel: string): string[] {
  const links = typeof document === 'object' && document !== null ? (document as { _links?: unknown })._links : undefined;
  const link = typeof links === 'object' && links !== null ? (links as Record<string, unknown>)[rel] : undefined;
  const list = Array.isArray(link) ? (link as unknown[]) : [link];
  return list.flatMap((l) => (typeof l === 'object' && l !== null && typeof (l as { href?: unknown }).href === 'string' ? [(l as { href: string }).href] : []));
}

/** A templated HAL href with `{name}` placeholders filled in, each value URL-encoded. */
export function expandHref(href: string, values: Readonly<Record<string, string>>): string {
  return href.replace(/\{(\w+)\}/g, (whole, name: string) => (values[name] !== undefined ? encodeURIComponent(values[name]) : whole));
}
