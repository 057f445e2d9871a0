import fc from 'fast-check';
import { anyEventArbitrary, eventArbitrary, SPECIAL_STRINGS } from '../../src/arbitraries';
import { compactJson, serialiseEvent } from '../../src/serialise';
import { defaultEngine } from '../support/engine';
import { RUNS_PER_TYPE } from '../support/runs';

const { catalogue, validators } = defaultEngine();

function leaves(value: unknown, pointer = '', out: Array<[string, unknown]> = []): Array<[string, unknown]> {
  if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) leaves(v, `${pointer}/${k}`, out);
  } else out.push([pointer, value]);
  return out;
}

describe.each(catalogue.types.map((t) => [t.type, t] as const))('valid %s events', (_name, eventType) => {
  it('always pass the validator of their type, as sent over the wire', () => {
    fc.assert(
      fc.property(eventArbitrary(eventType), (event) => {
        const result = validators.validateBytes(serialiseEvent(event));
        if (!result.valid) throw new Error(JSON.stringify(result.issues));
        return result.type === eventType.type;
      }),
      { numRuns: RUNS_PER_TYPE },
    );
  });

  it('cover every enum value of every field', () => {
    const samples = fc.sample(eventArbitrary(eventType, { presence: 'full' }), { numRuns: 300 });
    const enums = enumFields(eventType.schema);
    for (const [pointer, values] of enums) {
      const seen = new Set(
        samples.flatMap((e) =>
          leaves(e)
            .filter(([p]) => p === pointer)
            .map(([, v]) => v),
        ),
      );
      expect([pointer, [...seen].sort()]).toEqual([pointer, [...values].sort()]);
    }
  });

  it('with extraProperties, carry unknown fields in the envelope and in data and stay valid', () => {
    const known = new Set([...eventType.requiredPaths, ...eventType.optionalPaths]);
    fc.assert(
      fc.property(eventArbitrary(eventType, { extraProperties: true }), (event) => {
        expect(validators.validate(event).valid).toBe(true);
        const keys = (o: unknown, prefix: string): string[] => Object.keys(o as object).map((k) => `${prefix}/${k}`);
        expect(keys(event, '').some((p) => !known.has(p))).toBe(true);
        expect(keys(event.data, '/data').some((p) => !known.has(p))).toBe(true);
      }),
      { numRuns: 50 },
    );
  });

  it('are the same for the same seed', () => {
    const a = fc.sample(eventArbitrary(eventType), { seed: 42, numRuns: 5 });
    const b = fc.sample(eventArbitrary(eventType), { seed: 42, numRuns: 5 });
    expect(a.map(compactJson)).toEqual(b.map(compactJson));
  });
});

const withOptional = catalogue.types.filter((t) => t.optionalPaths.length > 0);

describe.each(withOptional.map((t) => [t.type, t] as const))('valid %s events, a type with optional fields,', (_name, eventType) => {
  it('include the event with every optional field absent, and with every one present', () => {
    const samples = fc.sample(eventArbitrary(eventType), { numRuns: 200 });
    const present = (e: unknown, p: string): boolean => leaves(e).some(([path]) => path === p || path.startsWith(`${p}/`));
    const optionalLeaves = eventType.optionalPaths.filter((p) => !eventType.optionalPaths.some((q) => q.startsWith(`${p}/`)));
    expect(samples.some((e) => eventType.optionalPaths.every((p) => !present(e, p)))).toBe(true);
    expect(samples.some((e) => optionalLeaves.every((p) => present(e, p)))).toBe(true);
  });
});

it('the spec has event types with optional fields, so the block above runs', () => {
  expect(withOptional.length).toBeGreaterThan(0);
});

function enumFields(schema: Record<string, unknown>, pointer = '', out = new Map<string, unknown[]>()): Map<string, unknown[]> {
  const properties = (schema.properties ?? {}) as Record<string, Record<string, unknown>>;
  for (const [name, sub] of Object.entries(properties)) {
    if (Array.isArray(sub.enum)) out.set(`${pointer}/${name}`, sub.enum);
    enumFields(sub, `${pointer}/${name}`, out);
  }
  return out;
}

describe('valid events over all types', () => {
  const samples = fc.sample(anyEventArbitrary(catalogue, { extraProperties: false }), { numRuns: 4000 });
  const strings = samples.flatMap((e) => leaves(e).map(([, v]) => v)).filter((v): v is string => typeof v === 'string');
  const numbersAt = (suffix: string): number[] =>
    samples.flatMap((e) =>
      leaves(e)
        .filter(([p, v]) => p.endsWith(suffix) && typeof v === 'number')
        .map(([, v]) => v as number),
    );

  it('exclude deprecated types unless asked', () => {
    const deprecated = new Set(catalogue.types.filter((t) => t.deprecated).map((t) => t.type));
    expect(deprecated.size).toBeGreaterThan(0);
    expect(samples.some((e) => deprecated.has(e.type as string))).toBe(false);
    const all = fc.sample(anyEventArbitrary(catalogue, { includeDeprecated: true }), { numRuns: 1000 });
    expect(all.some((e) => deprecated.has(e.type as string))).toBe(true);
  });

  it('cover the string boundaries: empty, very long, astral, U+2028, RTL, combining marks and <>&/', () => {
    expect(strings).toContain('');
    expect(strings.some((s) => s.length >= 1000)).toBe(true);
    expect(strings.some((s) => /[\u{10000}-\u{10ffff}]/u.test(s))).toBe(true);
    expect(strings.some((s) => s.includes('\u2028'))).toBe(true);
    expect(strings.some((s) => /[\u0590-\u06ff]/.test(s))).toBe(true);
    expect(strings.some((s) => /\p{M}/u.test(s))).toBe(true);
    expect(strings.some((s) => /[<>&]/.test(s) && s.includes('/'))).toBe(true);
    expect(SPECIAL_STRINGS.every((s) => strings.includes(s))).toBe(true);
  });

  it('cover date-times with Z, offsets and fractional seconds', () => {
    const times = samples.map((e) => e.time as string);
    expect(times.some((t) => t.endsWith('Z'))).toBe(true);
    expect(times.some((t) => /[+-]\d\d:\d\d$/.test(t))).toBe(true);
    expect(times.some((t) => /\.\d+(Z|[+-])/.test(t))).toBe(true);
  });

  it('cover integer extremes a JSON parser keeps exactly, negatives and zero; int64 extremes are EVT-4 only', () => {
    const power = numbersAt('/chargePower');
    expect(power).toContain(-Number.MAX_SAFE_INTEGER);
    expect(power).toContain(Number.MAX_SAFE_INTEGER);
    expect(power.every((n) => Number.isSafeInteger(n))).toBe(true);
    expect(power).toContain(0);
    expect(power.some((n) => n < 0)).toBe(true);
    const range = numbersAt('/range');
    expect(range).toContain(4294967295);
    expect(range).toContain(0);
    expect(numbersAt('/stateOfCharge').some((n) => n < 0)).toBe(true);
  });

  it('serialise int64 extremes as exact digits a strict parser accepts', () => {
    expect(compactJson({ p: -(2 ** 63), q: 2 ** 63 - 1024 })).toBe('{"p":-9223372036854775808,"q":9223372036854774784}');
  });
});
