/**
 * A JSON reader for documents that are signed or digested: it accepts exactly the I-JSON subset
 * (RFC 7493) RFC 8785 canonicalisation is defined on, and refuses what JSON.parse lets through:
 *
 * - a duplicate member name (JSON.parse keeps the last one, so a signed `"verdict": "fail"` could be
 *   followed by a second `"verdict": "pass"` that every JavaScript reader sees and a careful one refuses);
 * - a lone surrogate in a string, escaped (`\udead`) or not (RFC 8785 requires an error: the string
 *   has no UTF-8 form, and JCS implementations disagree on its digest);
 * - nesting deeper than {@link MAX_DEPTH} (a report is a few levels deep; a hostile file must not
 *   exhaust the stack).
 *
 * The result is the same value JSON.parse gives for every document it accepts.
 */
export type StrictJsonResult = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly problem: string };

/** Deeper than any report, pact or envelope hookproof writes. */
export const MAX_DEPTH = 64;

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const WHITESPACE = /[ \t\n\r]*/y;
// eslint-disable-next-line no-control-regex -- stopping at raw control characters, which JSON strings may not hold, is this regex's purpose
const PLAIN_CHARS = /[^"\\\u0000-\u001f\ud800-\udfff]*/y;
const ESCAPES: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

class Refused extends Error {}

/** Parses `text` as strict JSON (see above); never throws for what is in the text. */
export function parseStrictJson(text: string): StrictJsonResult {
  const reader = new Reader(text);
  try {
    reader.skipWhitespace();
    const value = reader.value(0);
    reader.skipWhitespace();
    if (reader.at < text.length) reader.refuse('unexpected text after the JSON value');
    return { ok: true, value };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, problem: error.message };
    throw error;
  }
}

class Reader {
  at = 0;
  constructor(private readonly text: string) {}

  refuse(what: string): never {
    throw new Refused(`${what} at character ${this.at}`);
  }

  skipWhitespace(): void {
    WHITESPACE.lastIndex = this.at;
    WHITESPACE.exec(this.text);
    this.at = WHITESPACE.lastIndex;
  }

  value(depth: number): unknown {
    if (depth > MAX_DEPTH) this.refuse(`nesting deeper than ${MAX_DEPTH} levels`);
    const c = this.text[this.at];
    if (c === '{') return this.object(depth);
    if (c === '[') return this.array(depth);
    if (c === '"') return this.string();
    if (this.text.startsWith('true', this.at)) return this.literal('true', true);
    if (this.text.startsWith('false', this.at)) return this.literal('false', false);
    if (this.text.startsWith('null', this.at)) return this.literal('null', null);
    NUMBER.lastIndex = this.at;
    const number = NUMBER.exec(this.text);
    if (number === null) this.refuse(c === undefined ? 'unexpected end of JSON' : 'not JSON');
    this.at = NUMBER.lastIndex;
    return Number(number[0]);
  }

  private literal<T>(word: string, value: T): T {
    this.at += word.length;
    return value;
  }

  private object(depth: number): Record<string, unknown> {
    this.at += 1;
    // A null prototype, so a member named __proto__ is data, as with JSON.parse.
    const result = Object.create(null) as Record<string, unknown>;
    const seen = new Set<string>();
    this.skipWhitespace();
    if (this.text[this.at] === '}') {
      this.at += 1;
      return {};
    }
    for (;;) {
      this.skipWhitespace();
      if (this.text[this.at] !== '"') this.refuse('expected a member name');
      const key = this.string();
      if (seen.has(key)) this.refuse(`duplicate member name ${JSON.stringify(key)}`);
      seen.add(key);
      this.skipWhitespace();
      if (this.text[this.at] !== ':') this.refuse("expected ':'");
      this.at += 1;
      this.skipWhitespace();
      result[key] = this.value(depth + 1);
      this.skipWhitespace();
      const next = this.text[this.at];
      this.at += 1;
      if (next === '}') break;
      if (next !== ',') this.refuse("expected ',' or '}'");
    }
    return plainObject(result);
  }

  private array(depth: number): unknown[] {
    this.at += 1;
    const result: unknown[] = [];
    this.skipWhitespace();
    if (this.text[this.at] === ']') {
      this.at += 1;
      return result;
    }
    for (;;) {
      this.skipWhitespace();
      result.push(this.value(depth + 1));
      this.skipWhitespace();
      const next = this.text[this.at];
      this.at += 1;
      if (next === ']') break;
      if (next !== ',') this.refuse("expected ',' or ']'");
    }
    return result;
  }

  /** A string from its opening quote; refuses control characters and lone surrogates. */
  private string(): string {
    this.at += 1;
    let result = '';
    for (;;) {
      PLAIN_CHARS.lastIndex = this.at;
      PLAIN_CHARS.exec(this.text);
      result += this.text.slice(this.at, PLAIN_CHARS.lastIndex);
      this.at = PLAIN_CHARS.lastIndex;
      const c = this.text.charCodeAt(this.at);
      if (Number.isNaN(c)) this.refuse('unterminated string');
      if (c === 0x22) {
        this.at += 1;
        return result;
      }
      if (c === 0x5c) {
        result += this.escape();
        continue;
      }
      if (c < 0x20) this.refuse('unescaped control character in a string');
      // A surrogate: only a high one followed by a low one is a character.
      const low = this.text.charCodeAt(this.at + 1);
      if (c >= 0xdc00 || !(low >= 0xdc00 && low <= 0xdfff)) this.refuse('lone surrogate in a string');
      result += this.text.slice(this.at, this.at + 2);
      this.at += 2;
    }
  }

  private escape(): string {
    const kind = this.text[this.at + 1] ?? '';
    if (kind !== 'u') {
      const simple = ESCAPES[kind];
      if (simple === undefined) this.refuse('invalid escape in a string');
      this.at += 2;
      return simple;
    }
    const unit = this.hex4(this.at + 2);
    this.at += 6;
    if (unit < 0xd800 || unit > 0xdfff) return String.fromCharCode(unit);
    if (unit >= 0xdc00 || !this.text.startsWith('\\u', this.at)) this.refuse('lone surrogate escape in a string');
    const low = this.hex4(this.at + 2);
    if (low < 0xdc00 || low > 0xdfff) this.refuse('lone surrogate escape in a string');
    this.at += 6;
    return String.fromCharCode(unit, low);
  }

  private hex4(from: number): number {
    const digits = this.text.slice(from, from + 4);
    if (!/^[0-9a-fA-F]{4}$/.test(digits)) this.refuse('invalid \\u escape in a string');
    return parseInt(digits, 16);
  }
}

/** An ordinary object with the same own members (JSON.parse's result has Object.prototype). */
function plainObject(members: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const key of Object.keys(members)) Object.defineProperty(result, key, { value: members[key], enumerable: true, writable: true, configurable: true });
  return result;
}
