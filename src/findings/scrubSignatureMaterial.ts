import { createHmac } from 'node:crypto';
import type { DeliveryResult } from '../delivery/DeliveryResult';
import { REDACTED } from '../redaction/redactSecrets';

// Hex runs shorter than this are too common in ordinary text (ids, hashes) to be worth scrubbing.
const MIN_HEX = 16;
const HEX_RUN = /[0-9a-fA-F]{16,}/;

/**
 * What of a request could sign it again: every run of 16 or more hex digits of the X-Signature
 * sent, and the body's HMACs (SHA-512, SHA-256, SHA-1, over the body sent and the body signed)
 * under each secret, in lower and upper case. A receiver that echoes the header, or prints the
 * digest it expected, would otherwise put a working signature into a report.
 */
export function signatureMaterial(body: Uint8Array, header: string | undefined, secrets: readonly string[], signedBody?: Uint8Array): string[] {
  const runs = header === undefined ? [] : [...header.matchAll(/[0-9a-fA-F]+/g)].map((m) => m[0]).filter((run) => run.length >= MIN_HEX);
  const bodies = signedBody === undefined ? [body] : [body, signedBody];
  const digests = secrets.flatMap((secret) =>
    bodies.flatMap((b) => (['sha512', 'sha256', 'sha1'] as const).map((algorithm) => createHmac(algorithm, secret).update(b).digest('hex'))),
  );
  const all = [...runs, ...digests].flatMap((hex) => [hex, hex.toLowerCase(), hex.toUpperCase()]);
  // Longest first, so a digest inside a longer run is never left half replaced.
  return [...new Set(all)].sort((a, b) => b.length - a.length);
}

function scrub(text: string, material: readonly string[]): string {
  let result = text;
  for (const piece of material) if (result.includes(piece)) result = result.split(piece).join(REDACTED);
  return result;
}

/**
 * The receiver's answer with any signature material (see signatureMaterial) replaced by
 * `[redacted]` in its body, headers and error message; the same object when there is none. The
 * material is computed only when the answer holds a long hex run at all: most answers are empty.
 */
export function scrubSignatureMaterial(result: DeliveryResult, material: () => readonly string[]): DeliveryResult {
  const bodyText = result.body.toString('latin1');
  const texts = [bodyText, ...Object.values(result.headers), result.error?.message ?? ''];
  if (!texts.some((text) => HEX_RUN.test(text))) return result;
  const pieces = material();
  const body = scrub(bodyText, pieces);
  const headers = Object.fromEntries(Object.entries(result.headers).map(([name, value]) => [name, scrub(value, pieces)]));
  const changed = body !== bodyText || Object.entries(headers).some(([name, value]) => value !== result.headers[name]);
  const error = result.error === undefined ? undefined : { ...result.error, message: scrub(result.error.message, pieces) };
  if (!changed && error?.message === result.error?.message) return result;
  return { ...result, body: Buffer.from(body, 'latin1'), headers, ...(error !== undefined ? { error } : {}) };
}
