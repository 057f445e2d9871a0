import fc from 'fast-check';
import { gridx, parseSignatureHeader, signatureHeaderPattern, type SignatureScheme } from '../../src/contract';
import { specSignaturePattern } from '../signing/support/specPattern';

const hexDigest = (length: number): fc.Arbitrary<string> => fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEF'.split('')), minLength: length, maxLength: length });
// After each comma at most one character of JavaScript's \s: none, a space, or another one.
const separator = fc.constantFrom(',', ', ', ',\t', ',\u00a0', ',\u2028', ',\ufeff');

/** Any well-formed header of `scheme` with 1 to its maximum digests, and the digests it carries. */
function header(scheme: SignatureScheme): fc.Arbitrary<{ text: string; digests: string[] }> {
  return fc.array(fc.tuple(hexDigest(scheme.hexDigits), separator), { minLength: scheme.digests.min, maxLength: scheme.digests.max }).map((parts) => ({
    text: parts.map(([hex, sep], i) => `${i === 0 ? '' : sep}${scheme.label}=${hex}`).join(''),
    digests: parts.map(([hex]) => hex.toLowerCase()),
  }));
}

describe("the signature header's grammar", () => {
  it("is, for gridX, exactly the spec's components.parameters.XSignature pattern", () => {
    expect(signatureHeaderPattern(gridx.signature)).toBe(specSignaturePattern());
  });

  it('round-trips: every well-formed header parses to its digests (lower-cased), and the pattern agrees', () => {
    const pattern = new RegExp(signatureHeaderPattern());
    fc.assert(
      fc.property(header(gridx.signature), ({ text, digests }) => {
        expect(parseSignatureHeader(text)).toEqual({ ok: true, digests });
        expect(pattern.test(text)).toBe(true);
      }),
    );
  });

  it('rejects a header with one digit too many or too few, wherever it is', () => {
    fc.assert(
      fc.property(header(gridx.signature), fc.nat(), fc.boolean(), ({ text, digests }, which, longer) => {
        const i = which % digests.length;
        const starts = [...text.matchAll(/sha512=/g)].map((m) => m.index + 'sha512='.length);
        const at = (starts[i] ?? 0) + 64;
        const broken = longer ? `${text.slice(0, at)}a${text.slice(at)}` : `${text.slice(0, at)}${text.slice(at + 1)}`;
        const parsed = parseSignatureHeader(broken);
        expect(parsed.ok).toBe(false);
        expect(new RegExp(signatureHeaderPattern()).test(broken)).toBe(false);
      }),
    );
  });

  it("follows another scheme's label and digest length (the shape a second provider would fill in)", () => {
    const other: SignatureScheme = { ...gridx.signature, header: 'X-Other-Signature', algorithm: 'sha256', label: 'v1', hexDigits: 64, digests: { min: 1, max: 3 } };
    const pattern = new RegExp(signatureHeaderPattern(other));
    fc.assert(
      fc.property(header(other), ({ text, digests }) => {
        expect(parseSignatureHeader(text, other)).toEqual({ ok: true, digests });
        expect(pattern.test(text)).toBe(true);
        expect(parseSignatureHeader(text).ok).toBe(false);
      }),
    );
  });
});
