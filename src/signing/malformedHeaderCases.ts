import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describeSecret, makeCase, receiverDigest, receiverSecretIndex, type CaseContext } from './caseContext';
import type { SignatureCase, SignatureLabel } from '../contract/signatureLabels';

// Every SIG-5 case but `empty-value` is made with a receiver secret (a matching digest, or a real
// HMAC of another algorithm), so only a receiver that checks the grammar rejects it; one that just
// looks for a matching hex string somewhere in the value accepts it and fails.

/** SIG-5: the header is present with an empty value. */
export function emptyValueCase(context: CaseContext): fc.Arbitrary<SignatureCase> {
  return fc.constant(null).map(() => makeCase('empty-value', '', context.body, 'X-Signature present with an empty value'));
}

/** SIG-5: a matching digest without its `sha512=` prefix. */
export function noPrefixCase(context: CaseContext): fc.Arbitrary<SignatureCase> {
  return malformed(context, 'no-prefix', (hex, madeWith) => ({ header: hex, detail: `a digest made with ${madeWith}, without the "sha512=" prefix` }));
}

/** SIG-5: `sha256=` with a real HMAC-SHA-256 of the body under a receiver secret. */
export function sha256PrefixCase(context: CaseContext): fc.Arbitrary<SignatureCase> {
  return otherAlgorithm(context, 'sha256-prefix', 'sha256');
}

/** SIG-5: `sha1=` with a real HMAC-SHA-1 of the body under a receiver secret. */
export function sha1PrefixCase(context: CaseContext): fc.Arbitrary<SignatureCase> {
  return otherAlgorithm(context, 'sha1-prefix', 'sha1');
}

/** SIG-5: one hex digit of a matching digest replaced by a letter from g to z. */
export function nonHexCase(context: CaseContext): fc.Arbitrary<SignatureCase> {
  // eslint-disable-next-line @typescript-eslint/no-misused-spread -- an ASCII-only literal: one character is one code point.
  const letter = fc.constantFrom(...'ghijklmnopqrstuvwxyz');
  return fc
    .record({ digest: receiverDigest(context), at: fc.nat({ max: 127 }), letter })
    .map(({ digest, at, letter }) =>
      makeCase(
        'non-hex',
        `sha512=${digest.hex.slice(0, at)}${letter}${digest.hex.slice(at + 1)}`,
        context.body,
        `hex digit ${at + 1} of a digest made with ${describeSecret(context, digest.secretIndex)} replaced by "${letter}"`,
      ),
    );
}

/** SIG-5: a matching digest missing 1 to 127 of its last hex digits (shrinks toward one missing). */
export function tooShortCase(context: CaseContext): fc.Arbitrary<SignatureCase> {
  return fc
    .record({ digest: receiverDigest(context), missing: fc.integer({ min: 1, max: 127 }) })
    .map(({ digest, missing }) =>
      makeCase(
        'too-short',
        `sha512=${digest.hex.slice(0, 128 - missing)}`,
        context.body,
        `a digest made with ${describeSecret(context, digest.secretIndex)}, cut to ${128 - missing} hex digits`,
      ),
    );
}

/** SIG-5: a matching digest followed by 1 to 128 extra hex digits (shrinks toward one `0`). */
export function tooLongCase(context: CaseContext): fc.Arbitrary<SignatureCase> {
  // eslint-disable-next-line @typescript-eslint/no-misused-spread -- an ASCII-only literal: one character is one code point.
  const extra = fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 1, maxLength: 128, size: 'max' });
  return fc
    .record({ digest: receiverDigest(context), extra })
    .map(({ digest, extra }) =>
      makeCase(
        'too-long',
        `sha512=${digest.hex}${extra}`,
        context.body,
        `a digest made with ${describeSecret(context, digest.secretIndex)}, followed by ${extra.length} extra hex digits`,
      ),
    );
}

/** SIG-5: a matching digest cut to its first 64 hex digits, the length of a SHA-256 digest. */
export function truncated64Case(context: CaseContext): fc.Arbitrary<SignatureCase> {
  return malformed(context, 'truncated-64', (hex, madeWith) => ({
    header: `sha512=${hex.slice(0, 64)}`,
    detail: `a digest made with ${madeWith}, cut to its first 64 hex digits`,
  }));
}

/**
 * SIG-5: non-whitespace junk before or after a valid header (`xsha512=…`, `sha512=…;`,
 * `sha512=…,`, `sha512=… junk`). Whitespace alone is no garbage: HTTP strips it from the ends of
 * a header value before the receiver sees it. Shrinks toward `xsha512=…`.
 */
export function garbageAroundCase(context: CaseContext): fc.Arbitrary<SignatureCase> {
  const junk = fc.string({ unit: fc.constantFrom(...JUNK_CHARACTERS), minLength: 1, maxLength: 6, size: 'max' });
  const placement = fc.constantFrom('before', 'after', 'after a space');
  return fc.record({ digest: receiverDigest(context), junk, placement }).map(({ digest, junk, placement }) => {
    const valid = `sha512=${digest.hex}`;
    const header = placement === 'before' ? `${junk}${valid}` : placement === 'after' ? `${valid}${junk}` : `${valid} ${junk}`;
    return makeCase('garbage-around', header, context.body, `"${junk}" ${placement} a valid header made with ${describeSecret(context, digest.secretIndex)}`);
  });
}

// Printable ASCII but space, and no hex digit: junk that extended the digest would make the case a
// `too-long` one under another name. The most telling junk comes first, where shrinking lands.
// eslint-disable-next-line @typescript-eslint/no-misused-spread -- an ASCII-only literal: one character is one code point.
const TELLING_JUNK = [...'x;,"='];
const JUNK_CHARACTERS = [
  ...TELLING_JUNK,
  ...Array.from({ length: 0x7e - 0x20 }, (_, i) => String.fromCharCode(0x21 + i)).filter((c) => !/[0-9a-fA-F]/.test(c) && !TELLING_JUNK.includes(c)),
];

function malformed(context: CaseContext, label: SignatureLabel, build: (hex: string, madeWith: string) => { header: string; detail: string }): fc.Arbitrary<SignatureCase> {
  return receiverDigest(context).map(({ hex, secretIndex }) => {
    const { header, detail } = build(hex, describeSecret(context, secretIndex));
    return makeCase(label, header, context.body, detail);
  });
}

function otherAlgorithm(context: CaseContext, label: SignatureLabel, algorithm: 'sha256' | 'sha1'): fc.Arbitrary<SignatureCase> {
  return receiverSecretIndex(context).map((index) => {
    const secret = context.receiverSecrets[index] ?? '';
    const hex = createHmac(algorithm, secret).update(context.body).digest('hex');
    return makeCase(label, `${algorithm}=${hex}`, context.body, `"${algorithm}=" with an HMAC-${algorithm.toUpperCase()} made with ${describeSecret(context, index)}`);
  });
}
