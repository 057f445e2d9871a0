import fc from 'fast-check';
import { formatNumber } from './compactJson';

const WHITESPACE = [' ', '  ', '\n', '\t', '\r\n', '\n    '] as const;

/** Decides each formatting choice from a fixed list of numbers, cycling; zeros mean "plain". */
class Choices {
  private next = 0;
  constructor(private readonly values: readonly number[]) {}
  pick(n: number): number {
    const value = this.values[this.next % this.values.length] ?? 0;
    this.next += 1;
    return value % n;
  }
}

/**
 * Valid JSON for the same value, formatted the way no mainstream serialiser would: whitespace
 * between tokens, keys in another order, characters written as \u escapes (astral ones as escaped
 * surrogate pairs), `/` as `\/`. JSON.parse gives back the same value; the bytes differ, so a
 * receiver that re-serialises before verifying the signature computes another digest (SIG-8).
 */
export function unusualJsonArbitrary(value: unknown): fc.Arbitrary<string> {
  return (
    fc
      .array(fc.nat({ max: 1000 }), { minLength: 16, maxLength: 64 })
      // The leading newline guarantees the bytes differ from the canonical form even when every
      // other choice is "plain".
      .map((values) => `\n${write(value, new Choices(values))}`)
  );
}

function write(value: unknown, choices: Choices): string {
  if (value === null || typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'string') return writeString(value, choices);
  const ws = (): string => (choices.pick(3) === 0 ? (WHITESPACE[choices.pick(WHITESPACE.length)] ?? ' ') : '');
  if (Array.isArray(value)) return `[${ws()}${value.map((item) => `${write(item, choices)}${ws()}`).join(`,${ws()}`)}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  const order = entries.map((entry, i) => ({ entry, key: choices.pick(1000) * 1000 + i })).sort((a, b) => a.key - b.key);
  const members = order.map(({ entry: [k, v] }) => `${ws()}${writeString(k, choices)}${ws()}:${ws()}${write(v, choices)}${ws()}`);
  return `{${members.join(',')}${members.length === 0 ? ws() : ''}}`;
}

function writeString(text: string, choices: Choices): string {
  let out = '"';
  for (const char of text) {
    const mode = choices.pick(4);
    if (mode === 0) out += escapeAll(char);
    else if (char === '/' && mode === 1) out += '\\/';
    else out += JSON.stringify(char).slice(1, -1);
  }
  return `${out}"`;
}

function escapeAll(char: string): string {
  let out = '';
  for (let i = 0; i < char.length; i += 1) out += `\\u${char.charCodeAt(i).toString(16).padStart(4, '0')}`;
  return out;
}
