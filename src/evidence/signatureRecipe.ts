import { createHash, createHmac } from 'node:crypto';

/** Which HMAC a derived digest starts from: SHA-512 (gridX's), or another algorithm a SIG-5 case names. */
export type DigestAlgorithm = 'sha512' | 'sha256' | 'sha1';

/**
 * How a forged digest was made from a valid one (absent: it is the valid digest itself):
 * - `digit`: the hex digit at `at` (0-based) replaced by `digit` (SIG-12's near misses);
 * - `slice`: only the hex digits `start` to `end` (exclusive) kept (too short, truncated, split by a non-hex letter);
 * - `around`: hex digits `before` and `after` the whole digest (too long).
 */
export type DigestEdit =
  | { readonly kind: 'digit'; readonly at: number; readonly digit: string }
  | { readonly kind: 'slice'; readonly start: number; readonly end: number }
  | { readonly kind: 'around'; readonly before: string; readonly after: string };

/** A run of hex digits in a sent header that was derived from a digest under one of the receiver's secrets. */
export interface DerivedDigest {
  /** Which of the receiver's secrets made it (0 = the first --secret). */
  readonly secretIndex: number;
  readonly algorithm: DigestAlgorithm;
  /** Over the body sent, or over `signedBodyBase64` (a body changed after signing, SIG-4). */
  readonly over: 'sent-body' | 'signed-body';
  readonly upperCase: boolean;
  readonly edit?: DigestEdit;
}

/** A piece of a recorded header: text sent as is, or a digest to recompute from the secret. */
export type HeaderPart = string | { readonly digest: DerivedDigest };

/**
 * How the X-Signature of a case was made, without any secret and without any digest computed with
 * one: the header as literal text and digests to recompute (which secret, which algorithm, which
 * forgery), so a reproduction recomputes them from $HOOKPROOF_SECRET (or from another secret when
 * replaying elsewhere). A report then never holds a ready-made signed request, nor the material
 * to test guesses of the secret offline beyond the short fingerprint.
 */
export interface SignatureRecipe {
  /** The header sent, in parts; null when the case sent no X-Signature. */
  readonly parts: readonly HeaderPart[] | null;
  /** The body the digests marked `signed-body` were made over (SIG-4 only), base64. */
  readonly signedBodyBase64?: string;
  /**
   * The first 4 hex digits of SHA-256 over the header sent: enough to tell whether a recomputed
   * header is the one sent (1 chance in 65,536 of a false match), too few to single out a guessed
   * secret from a dictionary. Absent when no header was sent.
   */
  readonly fingerprint?: string;
}

const FINGERPRINT_DIGITS = 4;
// Shorter runs of hex digits match some digest by chance too often to be worth deriving.
const MIN_DERIVED = 8;

/** The fingerprint of a header value (see SignatureRecipe.fingerprint). */
export function headerFingerprint(header: string): string {
  return createHash('sha256').update(`hookproof X-Signature fingerprint\0${header}`, 'utf8').digest('hex').slice(0, FINGERPRINT_DIGITS);
}

interface Source {
  readonly secretIndex: number;
  readonly algorithm: DigestAlgorithm;
  readonly over: DerivedDigest['over'];
  readonly hex: string;
}

function hmacHex(algorithm: DigestAlgorithm, secret: string, body: Uint8Array): string {
  return createHmac(algorithm, secret).update(body).digest('hex');
}

/**
 * Splits a sent header into literal text and the digests derived from the receiver's secrets:
 * every maximal run of hex digits equal to, one digit off, a part of, or a superset of an HMAC
 * of the body (or of `signedBody`) under one of `secrets` becomes a digest to recompute.
 */
export function signatureRecipe(body: Uint8Array, header: string | undefined, secrets: readonly string[], signedBody?: Uint8Array): SignatureRecipe {
  if (header === undefined) return { parts: null };
  const sources: Source[] = secrets.flatMap((secret, secretIndex) => [
    { secretIndex, algorithm: 'sha512' as const, over: 'sent-body' as const, hex: hmacHex('sha512', secret, body) },
    { secretIndex, algorithm: 'sha256' as const, over: 'sent-body' as const, hex: hmacHex('sha256', secret, body) },
    { secretIndex, algorithm: 'sha1' as const, over: 'sent-body' as const, hex: hmacHex('sha1', secret, body) },
    ...(signedBody !== undefined ? [{ secretIndex, algorithm: 'sha512' as const, over: 'signed-body' as const, hex: hmacHex('sha512', secret, signedBody) }] : []),
  ]);
  const parts: HeaderPart[] = [];
  let literal = '';
  let usesSignedBody = false;
  let last = 0;
  for (const match of header.matchAll(/[0-9a-fA-F]+/g)) {
    const derived = derive(match[0], sources);
    if (derived === undefined) continue;
    literal += header.slice(last, match.index);
    if (literal !== '') parts.push(literal);
    literal = '';
    parts.push({ digest: derived });
    usesSignedBody ||= derived.over === 'signed-body';
    last = match.index + match[0].length;
  }
  literal += header.slice(last);
  if (literal !== '') parts.push(literal);
  return {
    parts,
    ...(usesSignedBody && signedBody !== undefined ? { signedBodyBase64: Buffer.from(signedBody).toString('base64') } : {}),
    fingerprint: headerFingerprint(header),
  };
}

function derive(run: string, sources: readonly Source[]): DerivedDigest | undefined {
  if (run.length < MIN_DERIVED) return undefined;
  const lower = run.toLowerCase();
  const upperCase = run !== lower;
  for (const source of sources) {
    const base = { secretIndex: source.secretIndex, algorithm: source.algorithm, over: source.over, upperCase };
    const hex = source.hex;
    if (lower === hex) return base;
    if (lower.length === hex.length) {
      const differing = Array.from({ length: lower.length }, (_, i) => i).filter((i) => lower[i] !== hex[i]);
      const at = differing[0];
      if (differing.length === 1 && at !== undefined) return { ...base, edit: { kind: 'digit', at, digit: lower.charAt(at) } };
      continue;
    }
    const start = hex.indexOf(lower);
    if (start >= 0) return { ...base, edit: { kind: 'slice', start, end: start + lower.length } };
    const inside = lower.indexOf(hex);
    if (inside >= 0) return { ...base, edit: { kind: 'around', before: run.slice(0, inside), after: run.slice(inside + hex.length) } };
  }
  return undefined;
}

/** The hex a derived digest stands for, given its valid digest (lower-case hex). */
export function applyEdit(digest: DerivedDigest, validHex: string): string {
  const edit = digest.edit;
  const edited =
    edit === undefined
      ? validHex
      : edit.kind === 'digit'
        ? `${validHex.slice(0, edit.at)}${edit.digit}${validHex.slice(edit.at + 1)}`
        : edit.kind === 'slice'
          ? validHex.slice(edit.start, edit.end)
          : `${edit.before}${validHex}${edit.after}`;
  return digest.upperCase ? edited.toUpperCase() : edited;
}

/** The header a recipe describes, each digest part written by `digestFor`; undefined when no header was sent. */
export function assembleHeader(recipe: SignatureRecipe, digestFor: (digest: DerivedDigest) => string): string | undefined {
  if (recipe.parts === null) return undefined;
  return recipe.parts.map((part) => (typeof part === 'string' ? part : digestFor(part.digest))).join('');
}

/**
 * The header a recipe describes, recomputed with `secrets` (by index; a recipe needing more
 * secrets than given uses the last one) over `body` (and the recorded signed body).
 */
export function resignHeader(recipe: SignatureRecipe, body: Uint8Array, secrets: readonly string[]): string | undefined {
  const signedBody = recipe.signedBodyBase64 === undefined ? body : Buffer.from(recipe.signedBodyBase64, 'base64');
  return assembleHeader(recipe, (digest) => {
    const secret = secrets[Math.min(digest.secretIndex, secrets.length - 1)] ?? '';
    return applyEdit(digest, hmacHex(digest.algorithm, secret, digest.over === 'signed-body' ? signedBody : body));
  });
}

/** The secret indexes a recipe needs (sorted), empty when its header holds no derived digest. */
export function secretsNeeded(recipe: SignatureRecipe): number[] {
  const indexes = (recipe.parts ?? []).flatMap((part) => (typeof part === 'string' ? [] : [part.digest.secretIndex]));
  return [...new Set(indexes)].sort((a, b) => a - b);
}

/** A readable form of the header for reports: each derived digest named, never computed. */
export function describeRecipe(recipe: SignatureRecipe): string {
  const header = assembleHeader(recipe, (digest) => `<${describeDigest(digest)}>`);
  return header === undefined ? '(none sent)' : header;
}

function describeDigest(digest: DerivedDigest): string {
  const made = `HMAC-${digest.algorithm.toUpperCase().replace('SHA', 'SHA-')} under secret ${digest.secretIndex + 1}${digest.over === 'signed-body' ? ' of the body before it was changed' : ''}`;
  const edit = digest.edit;
  const how =
    edit === undefined
      ? ''
      : edit.kind === 'digit'
        ? `, hex digit ${edit.at + 1} set to "${edit.digit}"`
        : edit.kind === 'slice'
          ? `, hex digits ${edit.start + 1}-${edit.end} only`
          : `, with ${edit.before.length + edit.after.length} extra hex digits`;
  return `${made}${how}${digest.upperCase ? ', upper-case' : ''}`;
}
