import { gridx } from './gridx';
import type { SignatureScheme } from './WebhookContract';

/** The digests of a well-formed `X-Signature` value, or why it is not one. Plain data, never thrown. */
export type ParsedSignatureHeader =
  | { ok: true; /** Each digest's 128 hex digits, lower-cased, in header order. */ digests: string[] }
  | { ok: false; /** One line saying where and why the value breaks the grammar. */ reason: string };

/**
 * Parses a signature header's value by the scheme's grammar (gridX's by default: the spec's
 * `^sha512=[0-9a-fA-F]{128}(?:,\s?sha512=[0-9a-fA-F]{128})*$`, see `signatureHeaderPattern`),
 * written out by hand so that a rejection can say what is wrong and where (offsets are 0-based
 * UTF-16 positions). The grammar does not bound the number of digests: `scheme.digests` does.
 *
 * Nothing is trimmed: pass the value as the HTTP layer delivers it (which has already dropped
 * surrounding spaces and tabs). `\s?` means at most one character of JavaScript's `\s` class after
 * each comma, so `,\u00a0` is as valid as `, ` while `,  ` (two spaces) is not.
 */
export function parseSignatureHeader(header: string, scheme: SignatureScheme = gridx.signature): ParsedSignatureHeader {
  const prefix = `${scheme.label}=`;
  const { hexDigits } = scheme;
  if (header.length === 0) return fail('the value is empty');
  const digests: string[] = [];
  let at = 0;
  for (;;) {
    if (!header.startsWith(prefix, at)) {
      return fail(`expected "${prefix}" at offset ${at}, found ${describePrefixAt(header, at)}`);
    }
    at += prefix.length;
    const start = at;
    while (at < header.length && isHexDigit(header.charCodeAt(at))) at += 1;
    // The hex run is maximal, so a digest that is too long shows here too: the regex cannot
    // backtrack into a shorter run either, because a hex digit is never ',' nor the end.
    if (at - start !== hexDigits) {
      const found = at < header.length ? `, then ${describeAt(header, at)}` : '';
      return fail(`digest ${digests.length + 1} at offset ${start} has ${at - start} hex digits${found}; expected ${hexDigits}`);
    }
    digests.push(header.slice(start, at).toLowerCase());
    if (at === header.length) return { ok: true, digests };
    if (header.charCodeAt(at) !== COMMA) {
      return fail(`expected "," or the end after digest ${digests.length}, found ${describeAt(header, at)} at offset ${at}`);
    }
    at += 1;
    if (at < header.length && isJsWhitespace(header.charCodeAt(at))) at += 1;
  }
}

const COMMA = 0x2c;

function fail(reason: string): ParsedSignatureHeader {
  return { ok: false, reason };
}

function isHexDigit(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x46) || (code >= 0x61 && code <= 0x66);
}

/** JavaScript's `\s`: ECMAScript WhiteSpace and LineTerminator (all in the BMP). */
function isJsWhitespace(code: number): boolean {
  return (
    (code >= 0x09 && code <= 0x0d) ||
    code === 0x20 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** Names another algorithm's label (`sha256=`) whole rather than by its first character. */
function describePrefixAt(header: string, at: number): string {
  OTHER_LABEL.lastIndex = at;
  const label = OTHER_LABEL.exec(header)?.[0];
  return label !== undefined ? `"${label}"` : describeAt(header, at);
}

const OTHER_LABEL = /[A-Za-z0-9-]{1,16}=/y;

function describeAt(header: string, at: number): string {
  if (at >= header.length) return 'the end of the value';
  const code = header.charCodeAt(at);
  const printable = code > 0x20 && code < 0x7f;
  return printable ? `"${header[at] ?? ''}"` : `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}
