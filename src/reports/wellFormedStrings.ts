const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * A deep copy of `value` whose strings (values and member names) hold no lone UTF-16 surrogate:
 * each becomes U+FFFD. Receiver text can carry `\udead`; a report holding it has no UTF-8 form,
 * RFC 8785 refuses to canonicalise it, and hookproof's own report reader refuses it. So the writer
 * replaces it before the digest is computed, as a UTF-8 decoder would have.
 */
export function wellFormedStrings<T>(value: T): T {
  return walk(value) as T;
}

function walk(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(LONE_SURROGATE, '\ufffd');
  if (Array.isArray(value)) return value.map(walk);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key.replace(LONE_SURROGATE, '\ufffd'), walk(item)]));
  }
  return value;
}
