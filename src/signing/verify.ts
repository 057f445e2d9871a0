import { timingSafeEqual } from 'node:crypto';
import { hmacSha512Hex } from './digest';
import { parseSignatureHeader } from '../contract/parseSignatureHeader';

/**
 * The verdict on one request. Indexes are 0-based: which digest of the header matched, and which of
 * the receiver's secrets it was made with (the first such pair in header order, then secret order).
 */
export type SignatureVerification = { valid: true; matchedDigest: number; matchedSecret: number } | { valid: false; reason: 'missing' | 'malformed' | 'no-match' };

/**
 * Verifies an `X-Signature` value against the raw body bytes, as a conformant receiver must:
 * `undefined` (no header) is `missing`; a value outside the spec's grammar (the empty string
 * included) is `malformed`; otherwise it is valid when any digest is the HMAC-SHA-512 of `body`
 * under any of `secrets`. Upper-case hex and `,` without a space are valid, as the spec's pattern
 * allows. The header may hold any number of digests; an empty `secrets` list matches nothing.
 *
 * Every digest is compared with every secret's digest in constant time, and the loop never stops
 * early, so the time taken does not reveal how close a forgery came (SIG-11).
 */
export function verifySignature(body: Uint8Array | string, header: string | undefined, secrets: readonly string[]): SignatureVerification {
  if (header === undefined) return { valid: false, reason: 'missing' };
  const parsed = parseSignatureHeader(header);
  if (!parsed.ok) return { valid: false, reason: 'malformed' };

  const expected = secrets.map((secret) => Buffer.from(hmacSha512Hex(body, secret), 'hex'));
  let match: { matchedDigest: number; matchedSecret: number } | undefined;
  parsed.digests.forEach((digest, matchedDigest) => {
    // The grammar guarantees 128 hex digits, so both sides are 64 bytes as timingSafeEqual requires.
    const received = Buffer.from(digest, 'hex');
    expected.forEach((candidate, matchedSecret) => {
      const equal = timingSafeEqual(received, candidate);
      if (equal && match === undefined) match = { matchedDigest, matchedSecret };
    });
  });
  return match === undefined ? { valid: false, reason: 'no-match' } : { valid: true, ...match };
}
