/** Splits a comma-separated option (repeatable) into trimmed, non-empty names. */
export function nameList(values: readonly string[] | undefined): string[] | undefined {
  if (values === undefined) return undefined;
  const names = values
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
  return names.length > 0 ? names : undefined;
}

/**
 * Several name-list options at once (`{ types, checks }` as commander parsed them), each split
 * with {@link nameList}; an option not given, or naming nothing, is left out.
 */
export function nameLists<K extends string>(lists: { readonly [key in K]?: readonly string[] | undefined }): { [key in K]?: string[] } {
  const names: { [key in K]?: string[] } = {};
  for (const key of Object.keys(lists) as K[]) {
    const list = nameList(lists[key]);
    if (list !== undefined) names[key] = list;
  }
  return names;
}
