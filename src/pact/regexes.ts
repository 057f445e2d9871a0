/**
 * Regexes for body and header matchers. Pact matches them with Rust's regex crate, the tests with
 * JavaScript: so they are anchored (Pact searches, it does not match whole values) and use only
 * syntax both read alike: `[0-9]` rather than `\d`, which is Unicode-aware in Rust.
 */

/** A uuid as the spec's `format: uuid` describes it, in either case. */
export const UUID_REGEX = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';

/** RFC 3339 `date-time`: `T` (or `t`, a space), optional fraction, `Z` (or `z`) or a numeric offset. */
export const DATE_TIME_REGEX =
  '^[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])[Tt ](?:[01][0-9]|2[0-3]):[0-5][0-9]:(?:[0-5][0-9]|60)(?:\\.[0-9]+)?(?:[Zz]|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])$';

/** RFC 3339 `full-date`. */
export const DATE_REGEX = '^[0-9]{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])$';

/** Regexes for the string formats that have one; other formats are matched by type. */
export const FORMAT_REGEXES: Readonly<Record<string, string>> = { uuid: UUID_REGEX, 'date-time': DATE_TIME_REGEX, date: DATE_REGEX };

/** An anchored alternation of literal strings: `^(?:PLUGGED|UNPLUGGED)$`. */
export function alternationRegex(values: readonly string[]): string {
  return `^(?:${values.map(escapeRegex).join('|')})$`;
}

/**
 * Escapes the characters that are special in both dialects. Nothing else is escaped: JavaScript
 * with the `u` flag refuses needless escapes such as `\-` or `\/`.
 */
export function escapeRegex(text: string): string {
  return text.replace(/[\\.+*?()|[\]{}^$]/g, (char) => `\\${char}`);
}

// Look-around and back-references: JavaScript has them, Rust's regex crate does not.
const JS_ONLY_SYNTAX = /\(\?<?[=!]|\\[1-9]|\\k</;

/**
 * A schema `pattern` as a Pact regex, or undefined when Rust could not read it. A pattern is not
 * anchored by JSON Schema, and neither is a Pact regex, so it is used as it is.
 */
export function portablePattern(pattern: string): string | undefined {
  if (JS_ONLY_SYNTAX.test(pattern)) return undefined;
  try {
    new RegExp(pattern, 'u');
  } catch {
    return undefined;
  }
  return pattern;
}
