import fc from 'fast-check';
import { jsonForScriptBlock } from '../../src/attest/embeddedReport';
import { CLEAR_LINE, painter } from '../../src/reports/console/ansi';
import { escapeHtml } from '../../src/text/escapeHtml';
import { escapeXmlAttribute, escapeXmlText } from '../../src/text/escapeXml';
import { terminalSafeBlock, terminalSafeStreamWrite, terminalSafeWriter } from '../../src/text/terminalWriter';

/** Characters a hostile peer sends: C0 (ESC, BEL, NUL, BS, CR, LF, tab), DEL, C1 (CSI U+009B), bidi controls, lone surrogates. */
const HOSTILE_CHARS = ['\u001b', '\u0007', '\u0000', '\b', '\r', '\n', '\t', '\u007f', '\u0085', '\u009b', '\u202a', '\u202e', '\u2066', '\u2069', '\u200f', '\ud800', '\udead'];
const hostileText = fc
  .array(fc.oneof(fc.constantFrom(...HOSTILE_CHARS), fc.string(), fc.constantFrom('\x1b[31m', '\x1b]0;title\x07', '😀')), { maxLength: 12 })
  .map((parts) => parts.join(''));
/** Ordinary text: nothing any filter should touch (no controls, no bidi, no surrogate halves, no markup). */
const plainText = fc.string({ unit: fc.constantFrom('a', 'Z', '0', ' ', 'é', 'ש', '→', '😀', '-', '#', '/', '"') });

// Independent of src/text: any C0 or C1 control, DEL, bidi control or lone surrogate.
// eslint-disable-next-line no-control-regex -- finding raw control characters is the point
const RAW = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
// The same, less the white space markup shows as white space.
const RAW_IN_MARKUP =
  // eslint-disable-next-line no-control-regex -- as above
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

describe('terminalSafeWriter: the one way to the console', () => {
  it('writes one line per line of its input, none holding a raw control character', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const lines: string[] = [];
        terminalSafeWriter((line) => lines.push(line))(text);
        expect(lines).toHaveLength(text.split('\n').length);
        expect(lines.filter((line) => RAW.test(line))).toEqual([]);
      }),
    );
  });

  it('leaves ordinary text exactly as it is', () => {
    fc.assert(
      fc.property(plainText, plainText, (a, b) => {
        const lines: string[] = [];
        terminalSafeWriter((line) => lines.push(line))(`${a}\n${b}`);
        expect(lines).toEqual([a, b]);
        expect(terminalSafeBlock(`${a}\n${b}`)).toBe(`${a}\n${b}`);
      }),
    );
  });

  it('shows where each character was: ESC as \\u001B, C1 CSI as \\u009B, a bidi override as \\u202E', () => {
    const lines: string[] = [];
    terminalSafeWriter((line) => lines.push(line))('a\u001b[2Jb\u009b31mc\u202ed\ud800e\r');
    expect(lines).toEqual(['a\\u001B[2Jb\\u009B31mc\\u202Ed\\uD800e\\r']);
  });
});

describe('terminalSafeStreamWrite: live progress', () => {
  it("passes hookproof's own redraw and colours, and nothing else raw", () => {
    const paint = painter(true);
    fc.assert(
      fc.property(
        hostileText.filter((t) => !t.includes('\x1b[')),
        plainText,
        (hostile, plain) => {
          const written: string[] = [];
          const write = terminalSafeStreamWrite((text) => written.push(text));
          const own = `${CLEAR_LINE}${paint('red', plain)} ${paint('bold', plain)}\n`;
          write(own);
          write(`${CLEAR_LINE}${hostile}\n`);
          expect(written[0]).toBe(own);
          // Line breaks stay (the stream is written in lines); nothing else is raw.
          const lines = (written[1] ?? '').replace(CLEAR_LINE, '').split('\n');
          expect(lines).toHaveLength(hostile.split('\n').length + 1);
          expect(lines.filter((line) => RAW.test(line))).toEqual([]);
        },
      ),
    );
  });
});

describe('the markup encoders (HTML, XML text and attributes, the JSON data block of report.html)', () => {
  it('carry no C0 or C1 control, bidi control or lone surrogate raw; tab, LF and CR only where markup keeps them', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        expect(RAW_IN_MARKUP.test(escapeHtml(text))).toBe(false);
        expect(RAW_IN_MARKUP.test(escapeXmlText(text))).toBe(false);
        expect(RAW.test(escapeXmlAttribute(text))).toBe(false);
        const json = JSON.stringify({ text, list: [text] }, null, 2);
        const block = jsonForScriptBlock(json);
        expect(RAW_IN_MARKUP.test(block)).toBe(false);
        expect(block).not.toContain('<');
        expect(JSON.parse(block)).toEqual(JSON.parse(json));
      }),
    );
  });

  it('leave ordinary text as it is (apart from the entities markup needs)', () => {
    fc.assert(
      fc.property(plainText, (text) => {
        expect(escapeHtml(text)).toBe(text.replace(/"/g, '&quot;'));
        expect(escapeXmlText(text)).toBe(text);
      }),
    );
  });
});
