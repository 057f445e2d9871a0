import fc from 'fast-check';
import { hmacSha512Hex, sign } from '../../src/signing';
import { SIGNATURE_HEADER_PATTERN, parseSignatureHeader } from '../../src/contract';
import { specSignaturePattern } from '../signing/support/specPattern';

const specPattern = specSignaturePattern();
const specRegex = new RegExp(specPattern);

const D1 = hmacSha512Hex('body', 'one');
const D2 = hmacSha512Hex('body', 'two');

/** What the spec regex says the digests are, when it matches at all. */
function digestsBySpec(header: string): string[] | undefined {
  if (!specRegex.test(header)) return undefined;
  return Array.from(header.matchAll(/sha512=([0-9a-fA-F]{128})/g), (match) => (match[1] ?? '').toLowerCase());
}

function digestsByParser(header: string): string[] | undefined {
  const parsed = parseSignatureHeader(header);
  return parsed.ok ? parsed.digests : undefined;
}

// Strings built from the grammar's own pieces, each sometimes slightly wrong: the places where a
// hand-written parser and a regex are most likely to disagree.
const hexDigits = (minLength: number, maxLength: number): fc.Arbitrary<string> => fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEF'.split('')), minLength, maxLength });
const oneOffDigit = fc
  .tuple(hexDigits(128, 128), fc.nat({ max: 127 }), fc.constantFrom('g', 'G', 'x', ' ', ',', '=', '\u0660'))
  .map(([hex, at, char]) => `${hex.slice(0, at)}${char}${hex.slice(at + 1)}`);
const digest = fc.oneof(
  { weight: 10, arbitrary: hexDigits(128, 128) },
  { weight: 1, arbitrary: hexDigits(126, 130) },
  { weight: 1, arbitrary: fc.constantFrom('', D1.slice(0, 64), `${D1}${D2}`) },
  { weight: 1, arbitrary: oneOffDigit },
);
const prefix = fc.oneof(
  { weight: 16, arbitrary: fc.constant('sha512=') },
  { weight: 1, arbitrary: fc.constantFrom('', 'SHA512=', 'sha256=', 'sha1=', 'sha512', 'sha512==', 'sha512:', ' sha512=', 'sha 512=') },
);
const separator = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(',', ', ') },
  // One character of JavaScript's \s each: all allowed.
  { weight: 2, arbitrary: fc.constantFrom(',\t', ',\n', ',\r', ',\v', ',\f', ',\u00a0', ',\u2028', ',\u3000', ',\ufeff') },
  // Look alike, not allowed: not \s, more than one, or in the wrong place.
  { weight: 2, arbitrary: fc.constantFrom(',\u200b', ',\u0085', ',\u180e', ',  ', ', \t', ' ,', ' , ', ';', '', ',,', '\n') },
);
const edge = fc.oneof({ weight: 10, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.constantFrom(' ', '\n', '\r\n', '\t', ',', ', ', 'x', '"') });
const grammarNearMiss = fc
  .tuple(edge, prefix, digest, fc.array(fc.tuple(separator, prefix, digest), { maxLength: 4 }), edge)
  .map(([lead, firstPrefix, first, rest, trail]) => `${lead}${firstPrefix}${first}${rest.map((parts) => parts.join('')).join('')}${trail}`);

// A valid header with one character inserted, deleted or replaced.
const editedValid = fc
  .tuple(
    fc.array(fc.string(), { minLength: 1, maxLength: 3 }),
    fc.boolean(),
    fc.constantFrom<', ' | ','>(', ', ','),
    fc.constantFrom('insert', 'delete', 'replace'),
    fc.nat(),
    fc.constantFrom(...'0aFgG ,;=\t\n\u00a0\u200b'.split('')),
  )
  .map(([secrets, uppercase, separator, edit, position, char]) => {
    const header = sign('body', secrets, { uppercase, separator });
    const at = position % (header.length + 1);
    if (edit === 'insert') return `${header.slice(0, at)}${char}${header.slice(at)}`;
    return `${header.slice(0, at)}${edit === 'replace' ? char : ''}${header.slice(at + 1)}`;
  });

const nearMissHeader = fc.oneof({ weight: 4, arbitrary: grammarNearMiss }, { weight: 2, arbitrary: editedValid }, { weight: 1, arbitrary: fc.string() });

describe('parseSignatureHeader', () => {
  it('implements the very pattern the spec file states', () => {
    expect(SIGNATURE_HEADER_PATTERN).toBe(specPattern);
  });

  it('agrees with the spec regex on generated near-miss headers, digests included', () => {
    fc.assert(
      fc.property(nearMissHeader, (header) => {
        expect(digestsByParser(header)).toEqual(digestsBySpec(header));
      }),
      { numRuns: 1500 },
    );
  });

  it('is tested on both sides of the line: the near misses are often valid and often not', () => {
    const headers = fc.sample(nearMissHeader, 1000);
    const valid = headers.filter((header) => specRegex.test(header)).length;
    expect(valid).toBeGreaterThan(100);
    expect(valid).toBeLessThan(900);
  });

  it("treats exactly JavaScript's \\s as the optional whitespace after a comma (every UTF-16 unit)", () => {
    for (let code = 0; code <= 0xffff; code += 1) {
      const header = `sha512=${D1},${String.fromCharCode(code)}sha512=${D2}`;
      if (parseSignatureHeader(header).ok !== specRegex.test(header)) {
        throw new Error(`parser and spec regex disagree on U+${code.toString(16).padStart(4, '0')} after a comma`);
      }
    }
  });

  it('returns the digests lower-cased, in order', () => {
    expect(parseSignatureHeader(`sha512=${D1.toUpperCase()},sha512=${D2}`)).toEqual({ ok: true, digests: [D1, D2] });
  });

  it.each([
    ['an empty value', '', /empty/],
    ['another algorithm', `sha256=${D1.slice(0, 64)}`, /expected "sha512=" at offset 0, found "sha256="/],
    ['a digest one digit short', `sha512=${D1.slice(0, 127)}`, /digest 1 at offset 7 has 127 hex digits; expected 128/],
    ['a digest one digit long', `sha512=${D1}0`, /has 129 hex digits/],
    ['two spaces after a comma', `sha512=${D1},  sha512=${D2}`, /expected "sha512=" at offset 137, found U\+0020/],
    ['a trailing semicolon', `sha512=${D1};`, /expected "," or the end after digest 1, found ";"/],
    ['a trailing comma', `sha512=${D1},`, /found the end of the value/],
  ])('says where and why %s breaks the grammar', (_name, header, reason) => {
    const parsed = parseSignatureHeader(header);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toMatch(reason);
  });
});
