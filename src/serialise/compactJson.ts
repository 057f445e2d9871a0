/**
 * The exact bytes hookproof signs and sends for an event: compact JSON, JSON.stringify's layout (no
 * spaces, keys in insertion order), except that integers beyond 2^53 are written with all their digits.
 * Not canonical: keys are not sorted (the bytes follow the event's own key order, as gridX's do).
 * The RFC 8785 canonical form, for report digests, is `canonicalize` in src/attest/canonicalJson.ts.
 * JSON.stringify(2 ** 63) gives "9223372036854776000", a number outside int64 that strict parsers
 * (Go, Java) reject; hookproof writes "9223372036854775808" instead, the double's exact value.
 */
export function compactJson(value: unknown): string {
  // Almost every value is plain JSON data, for which JSON.stringify (native, several times faster)
  // writes exactly these bytes; only the rest takes the written-out way below.
  return isPlainJson(value) ? JSON.stringify(value) : writtenOut(value);
}

function writtenOut(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      return formatNumber(value);
    case 'object':
      // Each child through compactJson again: the plain ones (most of them: a big integer sits in
      // one leaf) are written by JSON.stringify, only the path down to the unusual value here.
      if (Array.isArray(value)) return `[${value.map((item) => compactJson(item === undefined ? null : item)).join(',')}]`;
      return `{${Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => `${JSON.stringify(k)}:${compactJson(v)}`)
        .join(',')}}`;
    default:
      throw new TypeError(`cannot serialise a ${typeof value} as JSON`);
  }
}

/**
 * Whether JSON.stringify writes `value` exactly as `writtenOut` does: only null, strings, booleans,
 * finite numbers that are not integers beyond 2^53 below 1e21, dense arrays of such values (or
 * undefined) and plain objects (no toJSON, no boxed primitive, no Date) whose properties are such
 * values or undefined. Anything else (which `writtenOut` formats differently or refuses) is not.
 */
function isPlainJson(value: unknown): boolean {
  if (value === null) return true;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value) && (!Number.isInteger(value) || Number.isSafeInteger(value) || Math.abs(value) >= 1e21);
    case 'object': {
      if ('toJSON' in value) return false;
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i += 1) {
          if (!(i in value)) return false;
          const item: unknown = value[i];
          if (item !== undefined && !isPlainJson(item)) return false;
        }
        return true;
      }
      const prototype: unknown = Object.getPrototypeOf(value);
      if (prototype !== Object.prototype && prototype !== null) return false;
      const record = value as Record<string, unknown>;
      for (const key of Object.keys(record)) {
        const item = record[key];
        if (item !== undefined && !isPlainJson(item)) return false;
      }
      return true;
    }
    default:
      return false;
  }
}

export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) throw new TypeError(`cannot serialise ${value} as JSON`);
  if (Number.isInteger(value) && !Number.isSafeInteger(value) && Math.abs(value) < 1e21) return BigInt(value).toString();
  return JSON.stringify(value);
}

/** The event as the UTF-8 bytes that are signed and sent. */
export function serialiseEvent(event: unknown): Buffer {
  return Buffer.from(compactJson(event), 'utf8');
}
