import { escapeHtml } from '../../src/text/escapeHtml';
import { escapeXmlAttribute, escapeXmlText } from '../../src/text/escapeXml';
import { parseXml } from './support/parseXml';

const NASTY = 'a<b>&c"d\'e ]]> \u0000\u0001\u0008\u000b\u000c\u001f\u007f \ud800 \udfff \ufffe\uffff ok\t\n\r 😀';

describe('XML escaping', () => {
  it('produces text and attributes a strict parser accepts, and keeps the visible content', () => {
    const doc = `<r a="${escapeXmlAttribute(NASTY)}" b='${escapeXmlAttribute(NASTY)}'>${escapeXmlText(NASTY)}</r>`;
    const root = parseXml(doc);
    expect(root.text).toContain('a<b>&c"d\'e ]]>');
    expect(root.text).toContain('\\u0000\\u0001');
    expect(root.text).toContain('\\uD800');
    expect(root.text).toContain('😀');
    // Newlines in attributes survive as character references instead of being normalised away.
    expect(root.attributes.a).toContain('ok\t\n\r');
    expect(root.attributes.b).toBe(root.attributes.a);
  });

  it('never lets "]]>" or a raw "<" through', () => {
    expect(escapeXmlText(']]><x>')).toBe(']]&gt;&lt;x&gt;');
  });
});

describe('HTML escaping', () => {
  it('turns markup into text', () => {
    expect(escapeHtml('<script>alert("x")</script>')).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(escapeHtml(`' onerror=x`)).toBe('&#39; onerror=x');
  });

  it('makes control characters visible instead of emitting them', () => {
    expect(escapeHtml('a\u0000b\u001bc')).toBe('a\\u0000b\\u001Bc');
  });
});
