import { schemaTypes } from '../schemas/schemaTypes';
import { SPECIAL_STRINGS } from './strings';
import { generationBounds } from '../spec/numericFormats';
import { formatNumber } from '../serialise/compactJson';
import type { SchemaObject } from '../spec/types';

/** One value at an edge of what a field's schema allows, with a short name for labels. */
export interface Boundary {
  readonly label: string;
  readonly value: unknown;
  /** How often it is drawn relative to the field's other edges: a field's own limits come first. */
  readonly weight: number;
}

/** A field's edge values, and a plain value that breaks no receiver, used where a case puts no edge. */
export interface FieldBoundaries {
  readonly boundaries: readonly Boundary[];
  readonly plain: unknown;
}

/** Length of "very long" strings when the schema sets no maxLength. */
export const LONG_STRING_UNITS = 10_000;

/** RFC 3339 date-times with numeric offsets, fractional seconds and calendar edges. */
const DATE_TIMES: readonly string[] = [
  '2024-06-01T12:00:00.5Z',
  '2024-06-01T12:00:00.123Z',
  '2024-06-01T12:00:00.123456Z',
  '2024-06-01T12:00:00.123456789Z',
  '2024-06-01T12:00:00+00:00',
  '2024-06-01T12:00:00+02:00',
  '2024-06-01T12:00:00-05:00',
  '2024-06-01T12:00:00+05:45',
  '2024-06-01T12:00:00+14:00',
  '2024-06-01T12:00:00-12:00',
  '2024-02-29T23:59:59.999999999+14:00',
  '2024-12-31T23:30:00.25-01:00',
  '1970-01-01T00:00:00Z',
];

/** The edges of a string, integer, number or date-time field (nullable or not); undefined for any other field. */
export function fieldBoundaries(schema: SchemaObject): FieldBoundaries | undefined {
  if (schema.const !== undefined || schema.enum !== undefined || schema.oneOf !== undefined || schema.anyOf !== undefined) return undefined;
  const types = schemaTypes(schema);
  const [type, ...more] = types.filter((t) => t !== 'null');
  if (more.length > 0) return undefined;
  const found = typeBoundaries(schema, type);
  if (found === undefined || !types.includes('null')) return found;
  return { ...found, boundaries: [...found.boundaries, { label: 'null', value: null, weight: 1 }] };
}

function typeBoundaries(schema: SchemaObject, type: unknown): FieldBoundaries | undefined {
  switch (type) {
    case 'string':
      if (schema.format === 'date-time') return { boundaries: DATE_TIMES.map((value) => ({ label: value, value, weight: 1 })), plain: '2024-06-01T12:00:00Z' };
      return schema.format === undefined && schema.pattern === undefined ? textBoundaries(schema) : undefined;
    case 'integer':
      return numericBoundaries(schema, true);
    case 'number':
      return numericBoundaries(schema, false);
    default:
      return undefined;
  }
}

function textBoundaries(schema: SchemaObject): FieldBoundaries {
  const min = typeof schema.minLength === 'number' ? schema.minLength : 0;
  const max = typeof schema.maxLength === 'number' ? schema.maxLength : LONG_STRING_UNITS;
  const fits = (s: string): boolean => s.length >= min && s.length <= max;
  const short = (s: string): Boundary => ({ label: JSON.stringify(s), value: s, weight: 1 });
  const candidates: Boundary[] = [short('x'.repeat(min)), ...SPECIAL_STRINGS.map(short), ...longTexts(max)];
  const example = Array.isArray(schema.examples) ? schema.examples.find((e): e is string => typeof e === 'string' && fits(e)) : undefined;
  return { boundaries: unique(candidates.filter((b) => fits(b.value as string))), plain: example ?? 'x'.repeat(Math.max(min, Math.min(1, max))) };
}

const longTextCache = new Map<number, readonly Boundary[]>();

/** Strings of exactly `units` UTF-16 units (built once per length: they are large). */
function longTexts(units: number): readonly Boundary[] {
  const cached = longTextCache.get(units);
  if (cached !== undefined) return cached;
  const rtl = 'שָׁלוֹם ';
  const texts: readonly Boundary[] = [
    { label: `${units} UTF-16 units of ASCII`, value: 'x'.repeat(units), weight: 3 },
    { label: `${Math.floor(units / 2)} non-BMP characters`, value: '😀'.repeat(Math.floor(units / 2)), weight: 3 },
    { label: `${units} UTF-16 units of RTL text with combining marks`, value: rtl.repeat(Math.ceil(units / rtl.length)).slice(0, units), weight: 3 },
  ];
  longTextCache.set(units, texts);
  return texts;
}

function numericBoundaries(schema: SchemaObject, integer: boolean): FieldBoundaries {
  const num = (key: string): number | undefined => (typeof schema[key] === 'number' ? schema[key] : undefined);
  const lowest = Math.max(num('minimum') ?? -Number.MAX_VALUE, num('exclusiveMinimum') ?? -Number.MAX_VALUE);
  const highest = Math.min(num('maximum') ?? Number.MAX_VALUE, num('exclusiveMaximum') ?? Number.MAX_VALUE);
  // Integer bounds beyond 2^53 step inwards to a value JSON digits can say exactly.
  const { min, max } = integer ? generationBounds(Math.ceil(lowest), Math.floor(highest)) : { min: lowest, max: highest };
  const float = schema.format === 'float';
  const multipleOf = num('multipleOf');
  const allowed = (n: number): boolean =>
    n >= min &&
    n <= max &&
    (num('exclusiveMinimum') === undefined || n > (num('exclusiveMinimum') as number)) &&
    (num('exclusiveMaximum') === undefined || n < (num('exclusiveMaximum') as number)) &&
    (!integer || Number.isInteger(n)) &&
    (!float || Math.fround(n) === n) &&
    (multipleOf === undefined || Number.isInteger(n / multipleOf));
  // The field's own limits first and most often; then the limits of narrower types a receiver may
  // store it in (int32, uint32, a double's exact integers), and 0/100 for percentages.
  const limits = [max, min, ...(integer ? [] : [0, 100])];
  const others = integer
    ? [0, -1, 1, 2 ** 31 - 1, -(2 ** 31), 2 ** 31, 2 ** 32 - 1, 2 ** 32, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 2 ** 53, -(2 ** 53)]
    : [0.5, -1.5, 99.99, 1e-7, -100];
  const tag = (n: number): string => (n === max ? ' (largest allowed)' : n === min ? ' (smallest allowed)' : '');
  const edge =
    (weight: number) =>
    (n: number): Boundary => ({ label: `${formatNumber(n)}${tag(n)}`, value: n, weight });
  const boundaries = unique([...limits.filter(allowed).map(edge(3)), ...others.filter(allowed).map(edge(1))]);
  const plain = [1, 0, min].find(allowed) ?? min;
  return { boundaries, plain };
}

function unique(boundaries: readonly Boundary[]): Boundary[] {
  const seen = new Set<string>();
  return boundaries.filter((b) => {
    const key = typeof b.value === 'string' ? `s${b.value}` : JSON.stringify(b.value);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
