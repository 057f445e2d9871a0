import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

/** A DSSE envelope (https://github.com/secure-systems-lab/dsse, protocol v1), as JSON. */
export interface DsseEnvelope {
  readonly payloadType: string;
  /** The payload bytes, base64 (standard alphabet, padded). */
  readonly payload: string;
  readonly signatures: ReadonlyArray<{ readonly keyid: string; readonly sig: string }>;
}

/**
 * DSSE's pre-authentication encoding: what is signed, so that the payload type is signed along
 * with the payload and no payload can be reinterpreted as another type.
 * `"DSSEv1" SP LEN(type) SP type SP LEN(body) SP body`, lengths in bytes, decimal.
 */
export function preAuthEncoding(payloadType: string, payload: Buffer): Buffer {
  const type = Buffer.from(payloadType, 'utf8');
  return Buffer.concat([Buffer.from(`DSSEv1 ${type.length} `, 'utf8'), type, Buffer.from(` ${payload.length} `, 'utf8'), payload]);
}

/**
 * The key id written beside a signature: SHA-256 of the public key's SPKI DER bytes, hex. It only
 * helps pick a key; the verifier trusts the key it was given, never the id.
 */
export function keyIdOf(key: KeyObject): string {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex');
}

/** Signs `payload` with an Ed25519 private key into a one-signature envelope. */
export function signEnvelope(payloadType: string, payload: Buffer, privateKey: KeyObject): DsseEnvelope {
  const sig = sign(null, preAuthEncoding(payloadType, payload), privateKey);
  return { payloadType, payload: payload.toString('base64'), signatures: [{ keyid: keyIdOf(privateKey), sig: sig.toString('base64') }] };
}

/**
 * Whether any signature of the envelope verifies with `publicKey` (Ed25519). Malformed envelopes
 * are simply not valid; this never throws for what is in the file.
 */
export function envelopeVerifies(envelope: DsseEnvelope, publicKey: KeyObject): boolean {
  const payload = Buffer.from(envelope.payload, 'base64');
  const message = preAuthEncoding(envelope.payloadType, payload);
  return envelope.signatures.some((signature) => {
    try {
      return verify(null, message, publicKey, Buffer.from(signature.sig, 'base64'));
    } catch {
      return false;
    }
  });
}

/** Whether `value` has the shape of a DSSE envelope. */
export function isDsseEnvelope(value: unknown): value is DsseEnvelope {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.payloadType === 'string' &&
    typeof v.payload === 'string' &&
    Array.isArray(v.signatures) &&
    v.signatures.every((s: unknown) => typeof s === 'object' && s !== null && typeof (s as Record<string, unknown>).sig === 'string')
  );
}
