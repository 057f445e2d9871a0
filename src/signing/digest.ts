import { createHmac } from 'node:crypto';

/**
 * HMAC-SHA-512 of `body` under `secret`, as 128 lower-case hex digits: one gridX digest.
 *
 * A string body or secret is taken as its UTF-8 bytes. Pass the exact bytes that go on the wire
 * when they exist: re-encoding a parsed body is precisely the mistake SIG-8 catches.
 */
export function hmacSha512Hex(body: Uint8Array | string, secret: string): string {
  return createHmac('sha512', secret).update(body).digest('hex');
}
