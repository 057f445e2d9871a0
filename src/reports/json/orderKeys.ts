/** How to order an object's keys, and those of the objects (or arrays of objects) inside it. */
export interface KeyOrder {
  readonly keys: readonly string[];
  readonly nested?: Readonly<Record<string, KeyOrder>>;
}

/** `keys` typed against `T`, so a renamed field is a compile error here rather than a silent reorder. */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- T is always given explicitly (keysOf<Failure>([...])): it exists to check the names
export function keysOf<T>(keys: ReadonlyArray<keyof T & string>): readonly string[] {
  return keys;
}

/**
 * A copy of `value` whose object keys follow `order`: listed keys first, in the listed order, then
 * any others in their original order (so a field added to the type later is kept, never dropped).
 * Undefined values are left out, as JSON.stringify would.
 */
export function orderKeys(value: unknown, order: KeyOrder): unknown {
  if (Array.isArray(value)) return value.map((item: unknown) => orderKeys(item, order));
  if (typeof value !== 'object' || value === null) return value;
  const source = value as Readonly<Record<string, unknown>>;
  const result: Record<string, unknown> = {};
  const rest = Object.keys(source).filter((key) => !order.keys.includes(key));
  for (const key of [...order.keys, ...rest]) {
    if (!Object.prototype.hasOwnProperty.call(source, key) || source[key] === undefined) continue;
    const inner = order.nested?.[key];
    result[key] = inner === undefined ? source[key] : orderKeys(source[key], inner);
  }
  return result;
}
