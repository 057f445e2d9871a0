import fc from 'fast-check';
import { eventArbitrary, INVALID_KINDS, invalidEventArbitrary } from '../../../src/arbitraries';
import { optionalFieldsFiller } from '../../../src/arbitraries/fillOptional';
import { invalidCaseIsolator } from '../../../src/checks/events/invalidCaseIsolator';
import { plainValues } from '../../../src/arbitraries/plainValues';
import { schemaFields } from '../../../src/schemas/schemaFields';
import { foreignTypeArbitrary } from '../../../src/arbitraries/foreignTypeArbitrary';
import { siblingTypeArbitrary } from '../../../src/arbitraries/siblingTypeArbitrary';
import { serialiseEvent } from '../../../src/serialise';
import { defaultEngine } from '../../support/engine';

const { catalogue, validators } = defaultEngine();
const byType = catalogue.types.map((t) => [t.type, t] as const);

/** Text that breaks only receivers with an EVT-4 defect: astral characters, long strings, offsets. */
const EDGY = /[\u{10000}-\u{10ffff}]|[^"]{1000}|T\d\d:\d\d:\d\d(\.\d+)?[+-]\d\d:\d\d/u;

describe('plain values (what checks other than EVT-1 and EVT-4 send)', () => {
  it.each(byType)('keep %s events valid and free of edge values', (_name, eventType) => {
    const plain = plainValues(eventType);
    fc.assert(
      fc.property(eventArbitrary(eventType, { extraProperties: true }), (event) => {
        const body = serialiseEvent(plain(event));
        expect(validators.validateBytes(body)).toMatchObject({ valid: true });
        expect(body.toString('utf8')).not.toMatch(EDGY);
      }),
      { numRuns: 30 },
    );
  });
});

describe('complete events (optional fields put back)', () => {
  it.each(byType)('of %s have every optional field and stay valid', (_name, eventType) => {
    const complete = optionalFieldsFiller(eventType);
    const optional = schemaFields(eventType.schema)
      .filter((f) => !f.requiredInParent)
      .map((f) => f.pointer);
    const has = (event: unknown, pointer: string): boolean =>
      pointer
        .split('/')
        .slice(1)
        .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], event) !== undefined;
    fc.assert(
      fc.property(eventArbitrary(eventType, { presence: 'minimal' }), eventArbitrary(eventType, { presence: 'full' }), (event, full) => {
        const completed = complete(event, full);
        expect(validators.validate(completed)).toMatchObject({ valid: true });
        expect(optional.filter((p) => !has(completed, p))).toEqual([]);
      }),
      { numRuns: 20 },
    );
  });
});

describe('EVT-7 cases after isolation', () => {
  const kinds = INVALID_KINDS.filter((k) => k !== 'not-json' && k !== 'empty-body' && k !== 'unknown-type');
  it.each(byType)('of %s still break exactly what they say', (_name, eventType) => {
    const isolate = invalidCaseIsolator(eventType);
    let judged = 0;
    let pointed = 0;
    for (const kind of kinds) {
      let cases;
      try {
        cases = invalidEventArbitrary(catalogue, eventType, { kinds: [kind] });
      } catch (error) {
        // No such site in this type; any other error is a failure.
        expect(error).toBeInstanceOf(RangeError);
        continue;
      }
      for (const [c, full] of fc.sample(fc.tuple(cases, eventArbitrary(eventType, { presence: 'full' })), 15)) {
        const isolated = isolate(c, full);
        const result = validators.validateBytes(isolated.body);
        expect([isolated.label, result.valid]).toEqual([c.label, false]);
        judged += 1;
        if (!result.valid && kind !== 'type-data-mismatch') {
          expect(result.issues.some((i) => c.pointer !== undefined && (i.pointer === c.pointer || i.pointer.startsWith(`${c.pointer}/`)))).toBe(true);
          pointed += 1;
        }
      }
    }
    // Every type has sites for some kinds: the loops above must have judged cases, not skipped them all.
    expect(judged).toBeGreaterThan(0);
    expect(pointed).toBeGreaterThan(0);
  });
});

describe('EVT-6 events', () => {
  const types = catalogue.types.filter((t) => !t.deprecated);
  const valid = (sourceType: string, body: Buffer): boolean => {
    const event = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
    return validators.validate({ ...event, [catalogue.discriminator]: sourceType }).valid;
  };

  it('carry a type the spec does not define, on an otherwise valid event', () => {
    const sibling = siblingTypeArbitrary(catalogue, types);
    if (sibling === undefined) throw new Error('the spec has type families');
    for (const e of fc.sample(fc.oneof(foreignTypeArbitrary(catalogue, types), sibling), 200)) {
      expect(catalogue.has(e.unknownType)).toBe(false);
      expect(valid(e.sourceType, e.body)).toBe(true);
    }
  });

  it('in a known family keep the family of the type they were made from', () => {
    const sibling = siblingTypeArbitrary(catalogue, types);
    for (const e of fc.sample(sibling ?? fc.constant(undefined), 50)) {
      expect(e?.unknownType.startsWith(`${e.sourceType.slice(0, e.sourceType.lastIndexOf('/'))}/hookproof-`)).toBe(true);
    }
  });
});
