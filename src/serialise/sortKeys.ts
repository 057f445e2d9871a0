/**
 * A JSON value with every object's keys in sorted order, arrays kept in theirs: the same value in
 * another layout (what a re-serialising receiver or broker may write). Integer-like keys ("0")
 * stay first, in numeric order: every JavaScript object puts them there.
 */
export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
  );
}
