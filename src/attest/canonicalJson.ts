/**
 * The canonical form of a JSON value that report digests are computed over: RFC 8785 (JSON
 * Canonicalization Scheme) for the values a report holds. Object keys are sorted by UTF-16 code
 * units (JavaScript's default sort, as RFC 8785 requires), there is no whitespace, strings and
 * numbers are written as ECMAScript's JSON.stringify writes them (which is what RFC 8785
 * specifies), and `undefined` members are left out as JSON.stringify would. Array order is kept.
 *
 * Why a canonical form at all: report.json is pretty-printed with keys in a readable order; the
 * digest must not depend on layout or key order, only on the content, so any tool in any
 * language that implements RFC 8785 recomputes the same digest from the parsed file.
 */
export function canonicalize(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`cannot canonicalise ${value}: JSON has no such number`);
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((item: unknown) => canonicalize(item === undefined ? null : item)).join(',')}]`;
      const record = value as Readonly<Record<string, unknown>>;
      const keys = Object.keys(record)
        .filter((key) => record[key] !== undefined)
        .sort();
      return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalize(record[key])}`).join(',')}}`;
    }
    default:
      throw new TypeError(`cannot canonicalise a ${typeof value}`);
  }
}
