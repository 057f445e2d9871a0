import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { hmacSha512Hex, sign, verifySignature } from '../../../src/signing';
import { parseSignatureHeader, SIGNATURE_HEADER_PATTERN } from '../../../src/contract';
import { defectiveReceiver, SECRET } from '../support/receivers';
import type { RunningReceiver } from '../../support/servers';

/**
 * A receiver's own signature check: the raw body, the X-Signature value (undefined: no header) and
 * its one secret. Each defect below is the kind of code a partner really ships.
 */
export type Verifier = (body: Buffer, header: string | undefined, secret: string) => boolean;

/**
 * The reference receiver with its signature check replaced by `verify`: a rejection is an empty
 * 401 (`answer` changes that); past the check, the reference does the rest (JSON parsing, 400,
 * deduplication, 202), so only the verification differs.
 */
export function receiverVerifyingWith(verify: Verifier, answer: (res: ServerResponse) => void = emptyStatus(401)): Promise<RunningReceiver> {
  return defectiveReceiver((req, body, res) => {
    if (!verify(body, signatureHeader(req), SECRET)) {
      answer(res);
      return true;
    }
    // Let the reference's own (sound) check pass: this request is through the defective one.
    req.headers['x-signature'] = sign(body, [SECRET]);
    return false;
  });
}

/** A sound verification whose rejections answer `answer` instead of an empty 401. */
export function receiverRejectingWith(answer: (res: ServerResponse) => void): Promise<RunningReceiver> {
  return receiverVerifyingWith(sound, answer);
}

export function emptyStatus(status: number): (res: ServerResponse) => void {
  return (res) => res.writeHead(status, { 'content-length': '0' }).end();
}

export function jsonStatus(status: number, error: unknown): (res: ServerResponse) => void {
  const text = JSON.stringify(error);
  return (res) => res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)) }).end(text);
}

function signatureHeader(req: IncomingMessage): string | undefined {
  const value = req.headers['x-signature'];
  return Array.isArray(value) ? value.join(', ') : value;
}

/** What the reference does. */
export const sound: Verifier = (body, header, secret) => verifySignature(body, header, [secret]).valid;

/** Digests of a well-formed header, or [] (the defects below differ elsewhere). */
function digestsOf(header: string | undefined): string[] {
  if (header === undefined) return [];
  const parsed = parseSignatureHeader(header);
  return parsed.ok ? parsed.digests : [];
}

// ---- defects ----

/** SIG-2: verifies a signature only when one is sent. */
export const acceptsMissingHeader: Verifier = (body, header, secret) => header === undefined || sound(body, header, secret);

/** SIG-3, SIG-4, SIG-7: trusts any header that matches the spec's regex, never computing an HMAC. */
export const trustsWellFormedHeader: Verifier = (_body, header) => header !== undefined && new RegExp(SIGNATURE_HEADER_PATTERN).test(header);

/** Checks presence with `in`, then verifies only a truthy value: an empty header skips the check. */
export const emptyHeaderSkipsCheck: Verifier = (body, header, secret) => header !== undefined && (header === '' || sound(body, header, secret));

/** Takes whatever follows the last "=" as the digest (`part.split('=').pop()`): no-prefix gets through. */
export const ignoresAlgorithmPrefix: Verifier = (body, header, secret) =>
  header !== undefined && header.split(/,\s?/).some((part) => part.split('=').pop()?.toLowerCase() === hmacSha512Hex(body, secret));

/** Computes the HMAC named by the prefix ("algorithm agility"): sha256= and sha1= get through. */
export const honoursNamedAlgorithm: Verifier = (body, header, secret) =>
  header !== undefined &&
  header.split(/,\s?/).some((part) => {
    const [algorithm = '', hex = ''] = part.split('=');
    try {
      return createHmac(algorithm, secret).update(body).digest('hex') === hex.toLowerCase();
    } catch {
      return false; // unknown algorithm
    }
  });

/** Compares only the digits sent (`expected.startsWith(given)`): too-short and truncated-64 get through. */
export const comparesDigitsSent: Verifier = (body, header, secret) =>
  header !== undefined &&
  header.split(/,\s?/).some((part) => {
    const hex = /^sha512=([0-9a-fA-F]+)$/.exec(part)?.[1];
    return hex !== undefined && hmacSha512Hex(body, secret).startsWith(hex.toLowerCase());
  });

/**
 * Decodes with `Buffer.from(hex, 'hex')`, which silently stops at the first non-hex digit and drops
 * an odd last digit, then compares the bytes it got with as many of its own.
 */
export const decodesHexLeniently: Verifier = (body, header, secret) => {
  const expected = Buffer.from(hmacSha512Hex(body, secret), 'hex');
  return (
    header !== undefined &&
    header.split(/,\s?/).some((part) => {
      if (!part.startsWith('sha512=')) return false;
      const received = Buffer.from(part.slice('sha512='.length), 'hex');
      return received.length <= expected.length && timingSafeEqual(received, expected.subarray(0, received.length));
    })
  );
};

/**
 * SIG-12: checks the header grammar strictly (every digest `sha512=` and 128 hex digits), then
 * compares only the first `digits` hex digits of each with its own (a "fast" compare, or a
 * `strncmp` with the wrong length).
 */
export function comparesPrefix(digits: number): Verifier {
  return (body, header, secret) => {
    if (header === undefined || !new RegExp(SIGNATURE_HEADER_PATTERN).test(header)) return false;
    const own = hmacSha512Hex(body, secret).slice(0, digits);
    return digestsOf(header).some((hex) => hex.toLowerCase().slice(0, digits) === own);
  };
}

/** Looks for its digest anywhere in the value (`header.includes(digest)`). */
export const searchesForDigest: Verifier = (body, header, secret) => header !== undefined && header.includes(hmacSha512Hex(body, secret));

/** SIG-6: honours only the first digest of the header. */
export const firstDigestOnly: Verifier = (body, header, secret) => digestsOf(header)[0] === hmacSha512Hex(body, secret);

/** SIG-7: skips verification when several digests are sent (a "rotation window" shortcut). */
export const trustsSeveralDigests: Verifier = (body, header, secret) => digestsOf(header).length > 1 || sound(body, header, secret);

/** SIG-8: verifies over the re-serialised JSON instead of the bytes received. */
export const verifiesReserialisedJson: Verifier = (body, header, secret) => {
  try {
    return sound(Buffer.from(JSON.stringify(JSON.parse(body.toString('utf8')))), header, secret);
  } catch {
    return false;
  }
};

/** SIG-9: compares the hex exactly as sent with its own lower-case digest. */
export const caseSensitiveHex: Verifier = (body, header, secret) => header !== undefined && header.split(/,\s?/).some((part) => part === `sha512=${hmacSha512Hex(body, secret)}`);

/** SIG-9: splits the value on ", " only. */
export const splitsOnCommaSpace: Verifier = (body, header, secret) =>
  header !== undefined && header.split(', ').some((part) => /^sha512=[0-9a-fA-F]{128}$/.test(part) && part.slice(7).toLowerCase() === hmacSha512Hex(body, secret));

/** Verifies with a secret left in the code instead of the subscription's. */
export const hardCodedSecret: Verifier = (body, header) => sound(body, header, 'changeme');

// ---- defective receivers beyond the verification itself ----

/**
 * SIG-4: looks the event `id` up before verifying (idempotency first), so a copy of an accepted
 * event with tampered content is answered 202 as a "duplicate".
 */
export function receiverDeduplicatingBeforeVerifying(): Promise<RunningReceiver> {
  const seen = new Set<string>();
  return defectiveReceiver((req, body, res) => {
    const id = idOf(body);
    if (id !== undefined && seen.has(id)) {
      emptyStatus(202)(res);
      return true;
    }
    if (id !== undefined && sound(body, signatureHeader(req), SECRET)) seen.add(id);
    return false;
  });
}

function idOf(body: Buffer): string | undefined {
  try {
    const value: unknown = JSON.parse(body.toString('utf8'));
    const id = typeof value === 'object' && value !== null ? (value as Record<string, unknown>).id : undefined;
    return typeof id === 'string' ? id : undefined;
  } catch {
    return undefined;
  }
}
