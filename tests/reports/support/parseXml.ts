/**
 * A small, strict XML 1.0 parser for tests (no XML parser is installed and none may be added).
 * It rejects what a conforming parser rejects in the documents hookproof writes: characters not
 * allowed in XML, unknown or malformed entity references, `<` in attribute values, `]]>` in text,
 * duplicate attributes, mismatched or unclosed tags, content outside the single root element.
 * DTDs are not supported (rejected). It returns the element tree with decoded text and attributes.
 */
export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  /** The element's own text (character data and CDATA, decoded), not its descendants'. */
  readonly text: string;
}

export class XmlSyntaxError extends Error {
  constructor(message: string, offset: number, source: string) {
    const line = source.slice(0, offset).split('\n').length;
    super(`${message} (line ${line}, offset ${offset}): ${JSON.stringify(source.slice(offset, offset + 40))}`);
  }
}

const NAME = /[A-Za-z_:][A-Za-z0-9_:.-]*/y;
const INVALID_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const PREDEFINED: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function parseXml(source: string): XmlElement {
  const bad = INVALID_CHAR.exec(source);
  if (bad !== null) throw new XmlSyntaxError(`character U+${(bad[0].codePointAt(0) ?? 0).toString(16)} is not allowed in XML`, bad.index, source);
  let pos = 0;
  const fail = (message: string): never => {
    throw new XmlSyntaxError(message, pos, source);
  };

  const decode = (raw: string, start: number): string =>
    raw.replace(/&([^;]*);|&/g, (whole: string, ref: string | undefined, at: number) => {
      if (ref === undefined) throw new XmlSyntaxError('bare "&"', start + at, source);
      const named = PREDEFINED[ref];
      if (named !== undefined) return named;
      const numeric = /^#(?:x([0-9A-Fa-f]+)|([0-9]+))$/.exec(ref);
      if (numeric === null) throw new XmlSyntaxError(`unknown entity &${ref};`, start + at, source);
      const code = numeric[1] !== undefined ? parseInt(numeric[1], 16) : Number(numeric[2]);
      const ch = code <= 0x10ffff ? String.fromCodePoint(code) : '\u0000';
      if (INVALID_CHAR.test(ch) || (code >= 0xd800 && code <= 0xdfff)) throw new XmlSyntaxError(`reference ${whole} names a character not allowed in XML`, start + at, source);
      return ch;
    });

  const name = (): string => {
    NAME.lastIndex = pos;
    const match = NAME.exec(source);
    if (match === null) return fail('expected a name');
    pos += match[0].length;
    return match[0];
  };
  const spaces = (): boolean => {
    const start = pos;
    while (pos < source.length && ' \t\r\n'.includes(source[pos] ?? '')) pos += 1;
    return pos > start;
  };
  const expect = (text: string): void => {
    if (!source.startsWith(text, pos)) fail(`expected ${JSON.stringify(text)}`);
    pos += text.length;
  };
  const skipUntil = (end: string, what: string): string => {
    const at = source.indexOf(end, pos);
    if (at < 0) fail(`unterminated ${what}`);
    const body = source.slice(pos, at);
    pos = at + end.length;
    return body;
  };
  /** Comments and processing instructions, allowed anywhere between elements. */
  const misc = (): boolean => {
    if (source.startsWith('<!--', pos)) {
      pos += 4;
      if (skipUntil('-->', 'comment').includes('--')) fail('"--" inside a comment');
      return true;
    }
    if (source.startsWith('<?', pos)) {
      pos += 2;
      if (name().toLowerCase() === 'xml') fail('XML declaration not at the start');
      skipUntil('?>', 'processing instruction');
      return true;
    }
    return false;
  };

  const element = (): XmlElement => {
    expect('<');
    const tag = name();
    const attributes: Record<string, string> = {};
    for (;;) {
      const spaced = spaces();
      if (source.startsWith('/>', pos) || source.startsWith('>', pos)) break;
      if (!spaced) fail('expected whitespace before an attribute');
      const attr = name();
      if (Object.prototype.hasOwnProperty.call(attributes, attr)) fail(`duplicate attribute ${attr}`);
      spaces();
      expect('=');
      spaces();
      const quote = source[pos];
      if (quote !== '"' && quote !== "'") return fail('attribute value must be quoted');
      pos += 1;
      const start = pos;
      const raw = skipUntil(quote, 'attribute value');
      if (raw.includes('<')) fail('"<" in an attribute value');
      // Literal whitespace in attributes is normalised to spaces (XML 1.0 §3.3.3); character
      // references (&#10;) are not, which is why the writer uses them for newlines.
      attributes[attr] = decode(raw.replace(/[\t\n\r]/g, ' '), start);
    }
    if (source.startsWith('/>', pos)) {
      pos += 2;
      return { name: tag, attributes, children: [], text: '' };
    }
    pos += 1;
    const children: XmlElement[] = [];
    let text = '';
    for (;;) {
      if (pos >= source.length) fail(`unclosed <${tag}>`);
      if (source.startsWith('</', pos)) {
        pos += 2;
        const closing = name();
        if (closing !== tag) fail(`</${closing}> closes <${tag}>`);
        spaces();
        expect('>');
        return { name: tag, attributes, children, text };
      }
      if (source.startsWith('<![CDATA[', pos)) {
        pos += 9;
        text += skipUntil(']]>', 'CDATA section');
      } else if (misc()) {
        // nothing to keep
      } else if (source.startsWith('<!', pos)) {
        fail('declarations (DTDs) are not supported');
      } else if (source[pos] === '<') {
        children.push(element());
      } else {
        const start = pos;
        const end = source.indexOf('<', pos);
        const raw = source.slice(pos, end < 0 ? source.length : end);
        if (raw.includes(']]>')) fail('"]]>" in text');
        pos += raw.length;
        text += decode(raw, start);
      }
    }
  };

  if (source.startsWith('\ufeff')) pos = 1;
  if (source.startsWith('<?xml', pos)) {
    pos += 5;
    const declaration = skipUntil('?>', 'XML declaration');
    if (!/^\s+version\s*=\s*(["'])1\.[0-9]+\1(\s+encoding\s*=\s*(["'])[A-Za-z][A-Za-z0-9._-]*\3)?(\s+standalone\s*=\s*(["'])(yes|no)\5)?\s*$/.test(declaration)) {
      fail('malformed XML declaration');
    }
  }
  while (spaces() || misc());
  if (source.startsWith('<!', pos)) fail('declarations (DTDs) are not supported');
  const root = element();
  while (spaces() || misc());
  if (pos !== source.length) fail('content after the root element');
  return root;
}

/** All descendants (and `root` itself) named `name`, in document order. */
export function findAll(root: XmlElement, name: string): XmlElement[] {
  const found: XmlElement[] = root.name === name ? [root] : [];
  for (const child of root.children) found.push(...findAll(child, name));
  return found;
}
