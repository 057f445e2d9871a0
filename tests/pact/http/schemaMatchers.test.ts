import fc from 'fast-check';
import { eventArbitrary } from '../../../src/arbitraries';
import { dateTimeArbitrary } from '../../../src/arbitraries/dateTime';
import { STRING_FORMATS } from '../../../src/arbitraries/formats';
import { createEngine } from '../../../src/engine';
import { bodyMatchingRules, DATE_TIME_REGEX, UUID_REGEX } from '../../../src/pact/http';
import { exampleEvent } from '../../../src/arbitraries/exampleEvent';
import { exampleSeed } from '../../../src/arbitraries/exampleSeed';
import { alternationRegex, portablePattern } from '../../../src/pact/regexes';
import { fixtureSpec } from '../../cli/paths';
import { violations } from './support/evaluateRules';

describe('bodyMatchingRules', () => {
  const schema = {
    type: 'object',
    properties: {
      id: { type: 'string', format: 'uuid' },
      at: { type: 'string', format: 'date-time' },
      day: { type: 'string', format: 'date' },
      code: { type: 'string', pattern: '^[A-Z]{2}-[0-9]+$' },
      lookahead: { type: 'string', pattern: '^(?=a)a+$' },
      state: { type: 'string', enum: ['ON', 'OFF.x'] },
      kind: { type: 'string', const: 'ev/plugged' },
      count: { type: 'integer', format: 'int64' },
      power: { type: 'number' },
      home: { type: 'boolean' },
      text: { type: 'string' },
      maybe: { type: ['integer', 'null'] },
      maybeNot: { type: ['string', 'null'], enum: ['A', 'B', null] },
      open: { type: 'object', additionalProperties: true },
      list: { type: 'array', minItems: 1, maxItems: 3, items: { type: 'object', properties: { n: { type: 'integer' } } } },
      'odd-key': { type: 'string' },
      untyped: {},
    },
  };
  const example = {
    id: '4b9f1c2e-8d3a-4f6b-9e21-7c5d0a1b2c3d',
    at: '2026-11-25T18:47:00.123+01:00',
    day: '2026-11-25',
    code: 'AB-12',
    lookahead: 'aa',
    state: 'ON',
    kind: 'ev/plugged',
    count: 7,
    power: -1.5,
    home: true,
    text: 'x',
    maybe: null,
    maybeNot: 'A',
    open: {},
    list: [{ n: 1 }],
    'odd-key': 'y',
    untyped: [1],
  };

  it('derives one rule per field from the schema, keeping constants exact', () => {
    expect(bodyMatchingRules(schema, example)).toEqual({
      '$.id': { combine: 'AND', matchers: [{ match: 'regex', regex: UUID_REGEX }] },
      '$.at': { combine: 'AND', matchers: [{ match: 'regex', regex: DATE_TIME_REGEX }] },
      '$.day': { combine: 'AND', matchers: [{ match: 'regex', regex: expect.stringMatching(/^\^\[0-9\]\{4\}-/) }] },
      '$.code': { combine: 'AND', matchers: [{ match: 'regex', regex: '^[A-Z]{2}-[0-9]+$' }] },
      // Rust's regex crate has no look-around: such a pattern falls back to the type.
      '$.lookahead': { combine: 'AND', matchers: [{ match: 'type' }] },
      '$.state': { combine: 'AND', matchers: [{ match: 'regex', regex: '^(?:ON|OFF\\.x)$' }] },
      '$.count': { combine: 'AND', matchers: [{ match: 'integer' }] },
      '$.power': { combine: 'AND', matchers: [{ match: 'number' }] },
      '$.home': { combine: 'AND', matchers: [{ match: 'type' }] },
      '$.text': { combine: 'AND', matchers: [{ match: 'type' }] },
      '$.maybe': { combine: 'OR', matchers: [{ match: 'integer' }, { match: 'null' }] },
      '$.maybeNot': { combine: 'OR', matchers: [{ match: 'regex', regex: '^(?:A|B)$' }, { match: 'null' }] },
      '$.open': { combine: 'AND', matchers: [{ match: 'type' }] },
      '$.list': { combine: 'AND', matchers: [{ match: 'type', min: 1, max: 3 }] },
      '$.list[*].n': { combine: 'AND', matchers: [{ match: 'integer' }] },
      "$['odd-key']": { combine: 'AND', matchers: [{ match: 'type' }] },
      '$.untyped': { combine: 'AND', matchers: [{ match: 'type' }] },
    });
  });

  it('accepts its own example and the values the schema allows, and refuses others', () => {
    const rules = bodyMatchingRules(schema, example);
    expect(violations(rules, example, example)).toEqual([]);
    const other = {
      ...example,
      id: 'A4B9F1C2-8D3A-4F6B-9E21-7C5D0A1B2C3D',
      at: '1999-01-01T00:00:00Z',
      state: 'OFF.x',
      count: -3,
      power: 2,
      home: false,
      maybe: 4,
      maybeNot: null,
      list: [{ n: 2 }, { n: 3 }],
    };
    expect(violations(rules, other, example)).toEqual([]);
    const wrong = { ...example, id: 'not-a-uuid', at: '2026-11-25 25:00:00Z', state: 'OFFxx', count: 1.5, home: 'true', maybe: 'x', list: [] };
    expect(violations(rules, wrong, example).map((v) => v.split(':')[0])).toEqual(['$.id', '$.at', '$.state', '$.count', '$.home', '$.maybe', '$.list']);
  });
});

describe('matcher regexes', () => {
  it('accept every uuid and RFC 3339 date-time the engine generates', () => {
    const uuid = new RegExp(UUID_REGEX, 'u');
    const dateTime = new RegExp(DATE_TIME_REGEX, 'u');
    const generatedUuid = STRING_FORMATS.uuid;
    if (generatedUuid === undefined) throw new Error('no uuid generator');
    fc.assert(fc.property(generatedUuid, dateTimeArbitrary(), (id, time) => uuid.test(id) && dateTime.test(time)));
  });

  it('refuse near misses', () => {
    const dateTime = new RegExp(DATE_TIME_REGEX, 'u');
    for (const bad of ['2026-11-25T18:47:00', '2026-13-01T00:00:00Z', '2026-11-25T18:47:00+0100', '2026-11-25T18:47Z', ' 2026-11-25T18:47:00Z']) {
      expect([bad, dateTime.test(bad)]).toEqual([bad, false]);
    }
    expect(new RegExp(UUID_REGEX, 'u').test('4b9f1c2e-8d3a-4f6b-9e21-7c5d0a1b2c3')).toBe(false);
  });

  it('escape enum values so they match literally, in both regex dialects', () => {
    const regex = alternationRegex(['a.b', 'c|d', 'e(f)', 'g/h-i']);
    expect(regex).toBe('^(?:a\\.b|c\\|d|e\\(f\\)|g/h-i)$');
    const compiled = new RegExp(regex, 'u');
    expect(['a.b', 'c|d', 'e(f)', 'g/h-i'].every((v) => compiled.test(v))).toBe(true);
    expect(['axb', 'c', 'ef'].some((v) => compiled.test(v))).toBe(false);
    expect(portablePattern('^(?!x)')).toBeUndefined();
    expect(portablePattern('(a)\\1')).toBeUndefined();
    expect(portablePattern('^[a-z]+$')).toBe('^[a-z]+$');
  });
});

describe.each([
  ['the gridX spec', undefined],
  ['a future spec', fixtureSpec('future-spec.yaml')],
])('the rules of every event type of %s', (_name, specPath) => {
  const { catalogue } = createEngine(specPath !== undefined ? { specPath } : {});

  it.each(catalogue.types.map((t) => [t.type, t] as const))('%s: accept generated events of the type, not only the example', (_type, eventType) => {
    const example = exampleEvent(eventType, exampleSeed(1, eventType.type));
    const rules = bodyMatchingRules(eventType.schema, example);
    expect(violations(rules, example, example)).toEqual([]);
    fc.assert(
      fc.property(eventArbitrary(eventType, { presence: 'full' }), (event) => {
        expect(violations(rules, event, example)).toEqual([]);
      }),
      { numRuns: 25 },
    );
  });
});
