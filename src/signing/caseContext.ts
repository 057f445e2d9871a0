import fc from 'fast-check';
import { UsageError, InternalError } from '../errors';
import { hmacSha512Hex } from './digest';
import { labelExpectation, labelRequirement, type SignatureCase, type SignatureLabel } from '../contract/signatureLabels';
import { gridx } from '../contract/gridx';

// Every length bound in the case arbitraries comes with size 'max': the bounds are the intended
// range, and generated cases (so the published test vectors) do not depend on fc's global baseSize.

/** What every label's arbitrary is built from: the body and the receiver's secrets, digested once. */
export interface CaseContext {
  readonly body: Uint8Array;
  readonly receiverSecrets: readonly string[];
  /** `receiverDigests[i]` is the lower-case hex digest of `body` under `receiverSecrets[i]`. */
  readonly receiverDigests: readonly string[];
  /** Secrets the receiver does not hold, so their digests can never match. */
  readonly otherSecret: fc.Arbitrary<string>;
}

/** Validates the inputs once and digests the body under each receiver secret. */
export function caseContext(body: Uint8Array, receiverSecrets: readonly string[]): CaseContext {
  if (receiverSecrets.length === 0) {
    throw new UsageError('signature cases need at least one receiver secret');
  }
  // Copies, so that a caller reusing its buffer cannot change cases generated later.
  const ownBody = Uint8Array.from(body);
  const secrets = [...receiverSecrets];
  const held = new Set(secrets);
  return {
    body: ownBody,
    receiverSecrets: secrets,
    receiverDigests: secrets.map((secret) => hmacSha512Hex(ownBody, secret)),
    otherSecret: fc.string({ minLength: 1, maxLength: 24, size: 'max' }).filter((secret) => !held.has(secret)),
  };
}

/** Which receiver secret signs; shrinks toward the first. */
export function receiverSecretIndex(context: CaseContext): fc.Arbitrary<number> {
  return fc.nat({ max: context.receiverSecrets.length - 1 });
}

/** A receiver's digest of the body and which secret made it; shrinks toward the first secret. */
export function receiverDigest(context: CaseContext): fc.Arbitrary<{ secretIndex: number; hex: string }> {
  return receiverSecretIndex(context).map((secretIndex) => ({ secretIndex, hex: receiverDigestAt(context, secretIndex) }));
}

/** The receiver's digest for one secret, by index. */
export function receiverDigestAt(context: CaseContext, secretIndex: number): string {
  const hex = context.receiverDigests[secretIndex];
  if (hex === undefined) throw new InternalError(`no receiver secret at index ${secretIndex}`);
  return hex;
}

/**
 * Assembles a case; requirement and expectation come from the label, never from the builder. The
 * body is copied so every case owns its Buffer: call this inside `map`, not once up front.
 */
export function makeCase(label: SignatureLabel, header: string | undefined, body: Uint8Array, detail: string): SignatureCase {
  return {
    label,
    requirement: labelRequirement(label),
    expected: labelExpectation(label),
    header,
    body: Buffer.from(body),
    detail,
  };
}

/** `sha512=<hex>` for each digest, joined as given. */
export function joinDigests(hexDigests: readonly string[], separator: ', ' | ',' = ', '): string {
  return hexDigests.map((hex) => `${gridx.signature.label}=${hex}`).join(separator);
}

/** "receiver secret 1 of 2": which receiver secret, by 1-based position, never by value. */
export function describeSecret(context: CaseContext, index: number): string {
  return `receiver secret ${index + 1} of ${context.receiverSecrets.length}`;
}
