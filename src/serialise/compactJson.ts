/**
 * The exact bytes hookproof signs and sends for an event: compact JSON, JSON.stringify's layout (no
 * spaces, keys in insertion order), except that integers beyond 2^53 are written with all their digits.
 * Not canonical: keys are not sorted (the bytes follow the event's own key order, as gridX's do).
 * The RFC 8785 canonical form, for report digests, is `canonicalize` in src/attest/canonicalJson.ts.
 * JSON.stringify(2 ** 63) gives "9223372036854776000", a number outside int64 that strict parsers
 * (Go, Java) reject; hookproof writes "9223372036854775808" instead, the double's exact value.
 */
export function compactJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      return formatNumber(value);
    case 'object':
      if (Array.isArray(value)) return `[${value.map((item) => compactJson(item === undefined ? null : item)).join(',')}]`;
      return `{${Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => `${JSON.stringify(k)}:${compactJson(v)}`)
        .join(',')}}`;
    default:
      throw new TypeError(`cannot serialise a ${typeof value} as JSON`);
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
