import fc from 'fast-check';
import { canonicalize } from '../../src/attest/canonicalJson';
import { reportDigest } from '../../src/attest/reportDigest';

/** The same value with every object's keys in another order. */
function shuffleKeys(value: unknown, rotate: number): unknown {
  if (Array.isArray(value)) return value.map((item: unknown) => shuffleKeys(item, rotate));
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value);
  const shift = entries.length === 0 ? 0 : rotate % entries.length;
  const turned = [...entries.slice(shift), ...entries.slice(0, shift)].reverse();
  return Object.fromEntries(turned.map(([k, v]) => [k, shuffleKeys(v, rotate + 1)]));
}

describe('canonical JSON (RFC 8785 for report values)', () => {
  const json = fc.jsonValue();

  it('does not depend on key order or layout', () => {
    fc.assert(
      fc.property(json, fc.nat(), (value, rotate) => {
        const shuffled = shuffleKeys(value, rotate);
        expect(canonicalize(shuffled)).toBe(canonicalize(value));
        expect(canonicalize(JSON.parse(JSON.stringify(shuffled, null, 2)))).toBe(canonicalize(value));
      }),
    );
  });

  it('is JSON that parses back to the same value, with keys sorted and no whitespace between tokens', () => {
    fc.assert(
      fc.property(json, (value) => {
        const text = canonicalize(value);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
        expect(canonicalize(JSON.parse(text))).toBe(text);
      }),
    );
    expect(canonicalize({ b: [1, 'x', null, true], a: { d: 2.5, c: -0 }, é: '\u2028<' })).toBe('{"a":{"c":0,"d":2.5},"b":[1,"x",null,true],"é":"\u2028<"}');
  });

  it('matches RFC 8785 key order (UTF-16 code units) on its own example keys', () => {
    // RFC 8785 §3.2.3: sorting is by UTF-16 code units, so U+1F600 (surrogates D83D…) sorts before U+FB33.
    const value = {
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ufb33': 'Hebrew Letter Dalet With Dagesh',
      '1': 'One',
      '\ud83d\ude00': 'Emoji: Grinning Face',
      '\u0080': 'Control',
      '\u00f6': 'Latin Small Letter O With Diaeresis',
    };
    // Read the order off the text: Object.keys would put the integer-like key "1" first anyway.
    const text = canonicalize(value);
    const order = ['Carriage Return', 'One', 'Control', 'Latin Small Letter O With Diaeresis', 'Euro Sign', 'Emoji: Grinning Face', 'Hebrew Letter Dalet With Dagesh'];
    const positions = order.map((name) => text.indexOf(name));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('digests everything but the digest: any other change changes it, the digest field does not', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), fc.string(), fc.string({ minLength: 1 }), (content, digest, key) => {
        const base = { ...content, digest: undefined };
        expect(reportDigest({ ...base, digest })).toBe(reportDigest(base));
        const changed = { ...base, [`${key}-added`]: 'x' };
        expect(reportDigest(changed)).not.toBe(reportDigest(base));
      }),
    );
  });
});
