import { hmacSha512Hex } from '../signing';

/** One digest of a sent header that was made with one of the receiver's secrets over the sent body. */
export interface SignedDigest {
  /** Position of the digest in the header (0-based). */
  readonly position: number;
  /** Which of the receiver's secrets made it (0 = the first --secret). */
  readonly secretIndex: number;
  readonly upperCase: boolean;
}

/**
 * How the X-Signature of a case was made, without any secret: the exact header sent, and which of
 * its digests were valid for the receiver's secrets, so a reproduction can recompute exactly those
 * from $HOOKPROOF_SECRET (or from another secret when replaying elsewhere).
 */
export interface SignatureRecipe {
  /** The header value sent, or null when the case sent no X-Signature. */
  readonly header: string | null;
  readonly signedDigests: readonly SignedDigest[];
}

const DIGEST = /sha512=([0-9a-fA-F]{128})(?![0-9a-fA-F])/g;

export function signatureRecipe(body: Buffer, header: string | undefined, secrets: readonly string[]): SignatureRecipe {
  if (header === undefined) return { header: null, signedDigests: [] };
  const valid = secrets.map((secret) => hmacSha512Hex(body, secret));
  const signedDigests: SignedDigest[] = [];
  let position = 0;
  for (const match of header.matchAll(DIGEST)) {
    const hex = match[1] ?? '';
    const secretIndex = valid.indexOf(hex.toLowerCase());
    if (secretIndex >= 0) signedDigests.push({ position, secretIndex, upperCase: hex !== hex.toLowerCase() });
    position += 1;
  }
  return { header, signedDigests };
}

/** The header with each signed digest recomputed by `digestFor` (by secret index). */
export function resignHeader(recipe: SignatureRecipe, digestFor: (secretIndex: number, upperCase: boolean) => string): string | undefined {
  if (recipe.header === null) return undefined;
  let position = 0;
  return recipe.header.replace(DIGEST, (whole: string) => {
    const signed = recipe.signedDigests.find((d) => d.position === position);
    position += 1;
    return signed === undefined ? whole : `sha512=${digestFor(signed.secretIndex, signed.upperCase)}`;
  });
}
