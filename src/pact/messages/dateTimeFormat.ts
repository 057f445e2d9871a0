/**
 * A regex for a Java DateTimeFormatter pattern (the syntax of Pact's `datetime`, `timestamp`,
 * `date` and `time` matchers, as pact-js writes them), or a reason it cannot be read. Covers the
 * letters date-time patterns use: y u M L d D H h k K m s S n a E X x Z O, quoted literals and
 * optional sections. It checks the layout (digit counts, offset forms), not calendar validity.
 */
export function dateTimeFormatRegex(pattern: string): RegExp | string {
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i] ?? '';
    if (ch === "'") {
      if (pattern[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      // A quoted literal; inside it, '' is one quote.
      let literal = '';
      let j = i + 1;
      for (;;) {
        if (j >= pattern.length) return `unterminated quote in ${pattern}`;
        if (pattern[j] === "'" && pattern[j + 1] === "'") {
          literal += "'";
          j += 2;
        } else if (pattern[j] === "'") {
          break;
        } else {
          literal += pattern[j] ?? '';
          j += 1;
        }
      }
      out += escape(literal);
      i = j + 1;
      continue;
    }
    if (ch === '[') {
      out += '(?:';
      i += 1;
      continue;
    }
    if (ch === ']') {
      out += ')?';
      i += 1;
      continue;
    }
    if (!/[A-Za-z]/.test(ch)) {
      out += escape(ch);
      i += 1;
      continue;
    }
    let n = 1;
    while (pattern[i + n] === ch) n += 1;
    const part = letter(ch, n);
    if (part === undefined) return `hookproof does not read the pattern letter "${ch}" in ${pattern}`;
    out += part;
    i += n;
  }
  try {
    return new RegExp(`^${out}$`);
  } catch {
    return `hookproof cannot read the pattern ${pattern}`;
  }
}

function letter(ch: string, n: number): string | undefined {
  const digits = (count: number): string => (n === 1 ? `\\d{1,${count}}` : `\\d{${n}}`);
  switch (ch) {
    case 'y':
    case 'u':
      return n === 2 ? '\\d{2}' : n === 1 ? '\\d+' : `\\d{${n}}`;
    case 'M':
    case 'L':
      return n >= 3 ? '[A-Za-z]+' : digits(2);
    case 'd':
    case 'H':
    case 'h':
    case 'k':
    case 'K':
    case 'm':
    case 's':
      return digits(2);
    case 'D':
      return digits(3);
    case 'S':
      return `\\d{${n}}`;
    case 'n':
      return '\\d+';
    case 'a':
      return '(?:AM|PM|am|pm)';
    case 'E':
      return '[A-Za-z]+';
    case 'X':
      return n === 1 ? '(?:Z|[+-]\\d{2}(?:\\d{2})?)' : n === 2 || n === 4 ? '(?:Z|[+-]\\d{4})' : '(?:Z|[+-]\\d{2}:\\d{2})';
    case 'x':
      return n === 1 ? '[+-]\\d{2}(?:\\d{2})?' : n === 2 || n === 4 ? '[+-]\\d{4}' : '[+-]\\d{2}:\\d{2}';
    case 'Z':
      return n <= 3 ? '[+-]\\d{4}' : n === 4 ? '(?:GMT|GMT[+-]\\d{2}:\\d{2})' : '(?:Z|[+-]\\d{2}:\\d{2})';
    case 'O':
      return 'GMT(?:[+-]\\d{1,2}(?::\\d{2})?)?';
    default:
      return undefined;
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}
