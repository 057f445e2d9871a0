import type { HttpPactBody } from './HttpPact';

/**
 * A request body as a Pact V4 body that every Pact verifier sends byte for byte: the exact text as
 * a JSON string with `encoded: "json"`. The Rust core (and so pact-js, the CLI verifier and the
 * mock server) sends such a string as it is; an `encoded: false` body would be re-serialised (keys
 * sorted, whitespace dropped), changing the bytes the example signature was computed over.
 * Tools that read the body as data (PactFlow's OpenAPI comparator, the mock server's matchers)
 * parse the string as JSON. The bytes must be UTF-8 text, as a JSON event always is.
 */
export function exactBody(bytes: Uint8Array, contentType: string): HttpPactBody {
  return { content: Buffer.from(bytes).toString('utf8'), contentType, encoded: 'json' };
}

/**
 * The bytes a Pact V4 request body stands for, whichever way it is written: a string with
 * `encoded: "json"` (or any non-base64 encoding) is the text itself, base64 is decoded, and an
 * unencoded string or value is JSON written compactly (other verifiers may lay it out differently:
 * that is why hookproof writes exact bodies). Undefined for a pact body with no content.
 */
export function bodyBytes(body: unknown): Buffer | undefined {
  if (typeof body !== 'object' || body === null || !('content' in body)) return undefined;
  const { content, encoded } = body as { content: unknown; encoded?: unknown };
  if (typeof content === 'string' && typeof encoded === 'string') {
    return encoded.toLowerCase() === 'base64' ? Buffer.from(content, 'base64') : Buffer.from(content, 'utf8');
  }
  if (encoded === true && typeof content === 'string') return Buffer.from(content, 'base64');
  return Buffer.from(JSON.stringify(content), 'utf8');
}
