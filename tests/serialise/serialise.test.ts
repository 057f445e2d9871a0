import fc from 'fast-check';
import { anyEventArbitrary } from '../../src/arbitraries';
import { compactJson, serialiseEvent, unusualJsonArbitrary } from '../../src/serialise';
import { defaultEngine } from '../support/engine';

const { catalogue, validators } = defaultEngine();
const events = anyEventArbitrary(catalogue, { extraProperties: true });

describe('canonical serialisation', () => {
  it('is JSON.stringify for values within 2^53', () => {
    fc.assert(
      fc.property(
        fc.jsonValue({ noUnicodeString: false }).filter((v) => JSON.stringify(v).match(/\d{17,}/) === null),
        (v) => compactJson(v) === JSON.stringify(v),
      ),
    );
  });

  it('round-trips every generated event through JSON.parse to the same bytes', () => {
    fc.assert(
      fc.property(events, (event) => {
        const text = serialiseEvent(event).toString('utf8');
        expect(compactJson(JSON.parse(text))).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it('writes huge integers with all their digits', () => {
    expect(compactJson([2 ** 63, -(2 ** 63), 2 ** 64, 1e21, 0.5, -0])).toBe('[9223372036854775808,-9223372036854775808,18446744073709551616,1e+21,0.5,0]');
  });
});

describe('unusual serialisation', () => {
  it('parses to the same event, stays valid, and differs from the canonical bytes', () => {
    fc.assert(
      fc.property(
        events.chain((event) => fc.tuple(fc.constant(event), unusualJsonArbitrary(event))),
        ([event, text]) => {
          expect(JSON.parse(text)).toEqual(JSON.parse(compactJson(event)));
          expect(validators.validateBytes(text).valid).toBe(true);
          expect(text).not.toBe(compactJson(event));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('uses whitespace, another key order and \\u escapes', () => {
    const event = { b: 'ä/😀', a: 1, c: { d: 'x' } };
    const texts = fc.sample(unusualJsonArbitrary(event), { numRuns: 200 });
    expect(texts.some((t) => /\s/.test(t.trim()))).toBe(true);
    expect(texts.some((t) => t.indexOf('"a"') < t.indexOf('"b"') || t.indexOf('\\u0061') >= 0)).toBe(true);
    expect(texts.some((t) => t.includes('\\ud83d\\ude00'))).toBe(true);
    expect(texts.some((t) => t.includes('\\/'))).toBe(true);
  });
});
