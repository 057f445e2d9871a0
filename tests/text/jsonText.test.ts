import fc from 'fast-check';
import { jsonText } from '../../src/text/jsonText';

// What a terminal or a page acts on or hides, other than the line feeds of the indentation.
const RAW =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

describe('jsonText', () => {
  it('round-trips every value and leaves no character that acts on a terminal', () => {
    const text = fc.string({ unit: 'binary' });
    fc.assert(
      fc.property(fc.dictionary(text, fc.oneof(text, fc.array(text), fc.integer())), (value) => {
        const written = jsonText(value);
        expect(JSON.parse(written)).toEqual(value);
        expect(RAW.exec(written)).toBeNull();
        expect(written.endsWith('}\n')).toBe(true);
      }),
    );
  });

  it('writes the C1 CSI and a bidi override as visible escapes', () => {
    expect(jsonText({ answer: 'a\u009b31mb\u202ec' })).toBe('{\n  "answer": "a\\u009B31mb\\u202Ec"\n}\n');
  });
});
