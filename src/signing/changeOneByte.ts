import fc from 'fast-check';

/** A body with exactly one byte changed (or, when it was empty, one byte added), and how. */
export interface ChangedBody {
  readonly bytes: Uint8Array;
  /** E.g. `byte 57 changed from "a" to "b" (in a JSON string value)`. */
  readonly detail: string;
}

/**
 * Changes one byte of `body`, choosing where so that the result stays as close to a real event as
 * possible: a letter or digit inside a JSON string value, else inside an object key, else any ASCII
 * letter or digit, else any ASCII byte, else any byte. Letters and digits are replaced within their
 * class (digit for digit, a-f for a-f, ...), so the body stays valid JSON and UUIDs stay UUIDs;
 * ASCII stays ASCII, so a UTF-8 body stays UTF-8. Shrinks toward the first candidate position.
 */
export function changeOneByte(body: Uint8Array): fc.Arbitrary<ChangedBody> {
  if (body.length === 0) return appendOneByte();
  const tier = candidateTiers(body).find((candidate) => candidate.positions.length > 0);
  // Only a body without a single ASCII byte gets past the tiers above to the catch-all.
  const { positions, where, replace } = tier ?? anyByteTier(body);
  return fc.record({ pick: fc.nat({ max: positions.length - 1 }), variant: fc.nat({ max: replace.variants - 1 }) }).map(({ pick, variant }) => {
    const offset = positions[pick] ?? 0;
    const before = body[offset] ?? 0;
    const after = replace.byte(before, variant);
    const bytes = Uint8Array.from(body);
    bytes[offset] = after;
    return { bytes, detail: `byte ${offset} changed from ${showByte(before)} to ${showByte(after)}${where}` };
  });
}

interface Tier {
  readonly positions: readonly number[];
  /** Appended to the detail, e.g. " (in a JSON string value)". */
  readonly where: string;
  readonly replace: Replacement;
}

/** `variants` distinct replacements for any byte of the tier; none equals the original byte. */
interface Replacement {
  readonly variants: number;
  byte(original: number, variant: number): number;
}

const ALPHANUMERIC_CLASSES = ['0123456789', 'abcdef', 'ABCDEF', 'ghijklmnopqrstuvwxyz', 'GHIJKLMNOPQRSTUVWXYZ'].map((chars) => Array.from(chars, (char) => char.charCodeAt(0)));

const WITHIN_CLASS: Replacement = {
  // The smallest class (a-f) leaves five alternatives.
  variants: 5,
  byte(original, variant) {
    const alternatives = (ALPHANUMERIC_CLASSES.find((members) => members.includes(original)) ?? []).filter((member) => member !== original);
    return alternatives[variant] ?? original ^ 1;
  },
};

const OTHER_ASCII: Replacement = { variants: 127, byte: (original, variant) => (original + 1 + variant) % 0x80 };
const OTHER_BYTE: Replacement = { variants: 255, byte: (original, variant) => (original + 1 + variant) % 0x100 };

function candidateTiers(body: Uint8Array): Tier[] {
  const json = isJson(body) ? jsonStringPositions(body) : { values: [], keys: [] };
  const all = Array.from(body.keys());
  return [
    { positions: json.values, where: ' (in a JSON string value)', replace: WITHIN_CLASS },
    { positions: json.keys, where: ' (in a JSON object key)', replace: WITHIN_CLASS },
    { positions: all.filter((offset) => isAlphanumeric(body[offset])), where: '', replace: WITHIN_CLASS },
    { positions: all.filter((offset) => (body[offset] ?? 0x80) < 0x80), where: '', replace: OTHER_ASCII },
  ];
}

function anyByteTier(body: Uint8Array): Tier {
  return { positions: Array.from(body.keys()), where: '', replace: OTHER_BYTE };
}

function appendOneByte(): fc.Arbitrary<ChangedBody> {
  return fc.integer({ min: 0x61, max: 0x7a }).map((byte) => ({
    bytes: Uint8Array.of(byte),
    detail: `the empty body replaced by the single byte ${showByte(byte)}`,
  }));
}

function isJson(body: Uint8Array): boolean {
  try {
    // ignoreBOM keeps a BOM in the text, where JSON.parse refuses it, as a strict receiver would.
    JSON.parse(new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body));
    return true;
  } catch {
    return false;
  }
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const LOWER_U = 0x75;

/**
 * Offsets of letters and digits inside JSON strings, split into values and keys (a key is a string
 * followed by `:`). Escape sequences are skipped whole: changing the `n` of `\n` or a digit of
 * `\u00e9` would change their meaning or break them. Works on bytes because UTF-8 never uses a byte
 * below 0x80 inside a multi-byte character.
 */
function jsonStringPositions(body: Uint8Array): { values: number[]; keys: number[] } {
  const values: number[] = [];
  const keys: number[] = [];
  let at = 0;
  while (at < body.length) {
    if (body[at] !== QUOTE) {
      at += 1;
      continue;
    }
    const inside: number[] = [];
    at += 1;
    while (at < body.length && body[at] !== QUOTE) {
      if (body[at] === BACKSLASH) {
        at += body[at + 1] === LOWER_U ? 6 : 2;
        continue;
      }
      if (isAlphanumeric(body[at])) inside.push(at);
      at += 1;
    }
    at += 1;
    let next = at;
    while (next < body.length && isJsonWhitespace(body[next])) next += 1;
    (body[next] === COLON ? keys : values).push(...inside);
  }
  return { values, keys };
}

function isAlphanumeric(byte: number | undefined): boolean {
  return byte !== undefined && ALPHANUMERIC_CLASSES.some((members) => members.includes(byte));
}

function isJsonWhitespace(byte: number | undefined): boolean {
  return byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d;
}

function showByte(byte: number): string {
  return byte > 0x20 && byte < 0x7f ? `"${String.fromCharCode(byte)}"` : `0x${byte.toString(16).padStart(2, '0')}`;
}
