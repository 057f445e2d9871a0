import fc from 'fast-check';
import { MAX_DEPTH, parseStrictJson } from '../../src/attest/strictJson';

describe('parseStrictJson', () => {
  it('gives what JSON.parse gives for every well-formed document, however it is laid out', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), fc.constantFrom(undefined, 2, '\t'), (value, indent) => {
        const text = JSON.stringify(value, null, indent);
        expect(parseStrictJson(text)).toEqual({ ok: true, value: JSON.parse(text) as unknown });
      }),
    );
  });

  it('reads escapes, astral characters and a __proto__ member as JSON.parse does', () => {
    const text = '{"a\\u0062":"\\ud83d\\ude00 😀 \\n\\t\\"\\\\\\/","__proto__":{"x":1},"n":[-0.5e-3,0,1E2,true,false,null]}';
    const parsed = parseStrictJson(text);
    expect(parsed).toEqual({ ok: true, value: JSON.parse(text) as unknown });
    expect(parsed.ok && Object.keys(parsed.value as object)).toEqual(['ab', '__proto__', 'n']);
  });

  it('refuses a duplicate member name, spelled alike or differently', () => {
    expect(parseStrictJson('{"verdict":"fail","checks":[],"verdict":"pass"}')).toEqual({ ok: false, problem: 'duplicate member name "verdict" at character 39' });
    expect(parseStrictJson('{"a":{"verdict":1,"verd\\u0069ct":2}}')).toMatchObject({ ok: false, problem: expect.stringContaining('duplicate member name "verdict"') });
    // The same name in two different objects is no duplicate.
    expect(parseStrictJson('[{"a":1},{"a":2}]')).toMatchObject({ ok: true });
  });

  it('refuses lone surrogates, escaped or raw, and keeps pairs', () => {
    for (const text of ['"\\udead"', '"\\ud83d"', '"\\ud83dx"', '"\\ude00\\ud83d"', '"\\ud83d\\u0041"', '"\ud83d"', '"a\ude00"', '{"\\udead":1}']) {
      expect(parseStrictJson(text)).toMatchObject({ ok: false, problem: expect.stringMatching(/lone surrogate/) });
    }
    expect(parseStrictJson('"\\ud83d\\ude00\ud83d\ude00"')).toEqual({ ok: true, value: '😀😀' });
  });

  it('refuses what is not JSON, and nesting deeper than the cap, without throwing', () => {
    for (const text of ['', '{', '[1,]', '{"a":1,}', "{'a':1}", '01', '1.', 'NaN', '"\u0001"', '"\\x41"', '{"a" 1}', '[1] [2]', 'tru']) {
      expect(parseStrictJson(text)).toMatchObject({ ok: false });
    }
    expect(parseStrictJson(`${'['.repeat(MAX_DEPTH)}${']'.repeat(MAX_DEPTH)}`)).toMatchObject({ ok: true });
    expect(parseStrictJson(`${'['.repeat(100_000)}${']'.repeat(100_000)}`)).toMatchObject({ ok: false, problem: expect.stringContaining('nesting deeper than') });
  });
});
