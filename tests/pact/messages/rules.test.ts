import fc from 'fast-check';
import { eventArbitrary } from '../../../src/arbitraries/events';
import { valueAt } from '../../../src/arbitraries/pointer';
import { fieldMatcher } from '../../../src/pact/messages/fieldMatcher';
import { locateField } from '../../../src/pact/messages/fieldLocation';
import type { MatchingRule } from '../../../src/pact/messages/messagePactFile';
import { parseMessagePact } from '../../../src/pact/messages/messagePactFile';
import { ruleAccepts } from '../../../src/pact/messages/ruleAccepts';
import { ANY, parseRulePath, ruleFor } from '../../../src/pact/messages/rulePath';
import { verifyMessagePact } from '../../../src/pact/messages/verifyMessagePact';
import { defaultEngine } from '../../support/engine';

const rule = (path: string, ...matchers: Array<Record<string, unknown> & { match: string }>): MatchingRule => ({ path, combine: 'AND', matchers });

describe('Pact rule paths', () => {
  it('reads dotted, bracketed and wildcard steps', () => {
    expect(parseRulePath('$')).toEqual([]);
    expect(parseRulePath('$.data.state')).toEqual(['data', 'state']);
    expect(parseRulePath("$['odd key'].items[*].x[0]")).toEqual(['odd key', 'items', ANY, 'x', '0']);
    expect(parseRulePath('$.data.*')).toEqual(['data', ANY]);
    expect(parseRulePath('data.state')).toBeUndefined();
  });

  it('selects the most specific rule, rules on parents cascading to their fields', () => {
    const rules = [rule('$.data', { match: 'type' }), rule('$.data.*', { match: 'integer' }), rule('$.data.state', { match: 'regex', regex: '^A$' })];
    expect(ruleFor(rules, '/data/state')?.path).toBe('$.data.state');
    expect(ruleFor(rules, '/data/other')?.path).toBe('$.data.*');
    expect(ruleFor(rules, '/data/a/b')?.path).toBe('$.data.*');
    expect(ruleFor(rules, '/id')).toBeUndefined();
  });
});

describe('Pact rule evaluation', () => {
  it('matches as the Pact core does for the matchers a gridX contract uses', () => {
    expect(ruleAccepts(undefined, 'a', 'a')).toEqual({ ok: true });
    expect(ruleAccepts(undefined, 'b', 'a')).toEqual({ ok: false, reason: 'it is not "a"' });
    expect(ruleAccepts(rule('$', { match: 'regex', regex: '^(?:A|B)$' }), 'B', 'A').ok).toBe(true);
    expect(ruleAccepts(rule('$', { match: 'regex', regex: '^(?:A|B)$' }), 'C', 'A').ok).toBe(false);
    expect(ruleAccepts(rule('$', { match: 'type' }), 5, 1.5).ok).toBe(true);
    expect(ruleAccepts(rule('$', { match: 'type' }), '5', 1).ok).toBe(false);
    expect(ruleAccepts(rule('$', { match: 'type', min: 1 }), [], [1]).ok).toBe(false);
    expect(ruleAccepts(rule('$', { match: 'integer' }), 2 ** 63, 1).ok).toBe(true);
    expect(ruleAccepts(rule('$', { match: 'integer' }), 1.5, 1).ok).toBe(false);
    expect(ruleAccepts(rule('$', { match: 'decimal' }), 0, 1.5)).toEqual({ ok: false, reason: 'it is not a decimal number (it has no fraction)' });
    expect(ruleAccepts(rule('$', { match: 'number' }), -0.5, 1).ok).toBe(true);
    expect(ruleAccepts(rule('$', { match: 'include', value: 'LUG' }), 'PLUGGED', 'x').ok).toBe(true);
    expect(ruleAccepts(rule('$', { match: 'datetime', format: 'yyyy' }), '2024', '2024').ok).toBe(true);
    expect(ruleAccepts(rule('$', { match: 'datetime', format: 'yyyy-MM-dd QQQ' }), '2024-01-01 Q1', 'x').ok).toBe('unchecked');
    expect(ruleAccepts({ path: '$', combine: 'OR', matchers: [{ match: 'null' }, { match: 'type' }] }, null, 'x').ok).toBe(true);
  });

  it('derived matchers accept every value the engine generates for every field of every type', () => {
    const engine = defaultEngine();
    for (const type of engine.catalogue.types) {
      const fields = [...type.requiredPaths, ...type.optionalPaths].flatMap((pointer) => {
        const schema = locateField(type.schema, pointer).schema;
        return schema === undefined || schema.properties !== undefined || schema.type === 'object' ? [] : [{ pointer, matcher: fieldMatcher(schema) }];
      });
      const events = fc.sample(eventArbitrary(type, { presence: 'full' }), { numRuns: 50 });
      let judged = 0;
      for (const { pointer, matcher } of fields) {
        const asRule = rule('$', matcher.match === 'regex' ? { match: 'regex', regex: matcher.regex } : { match: matcher.match });
        for (const event of events) {
          const value = valueAt(event, pointer);
          if (value === undefined) continue;
          expect({ type: type.type, pointer, value, verdict: ruleAccepts(asRule, value, value === null ? null : valueAt(events[0], pointer)) }).toMatchObject({
            verdict: { ok: true },
          });
          judged += 1;
        }
      }
      // Fields absent from an event are skipped: some value of this type must still have been judged.
      expect({ type: type.type, judged: judged > 0 }).toEqual({ type: type.type, judged: true });
    }
  });
});

describe('message pact files', () => {
  it('reads V3 message pacts and base64-encoded V4 contents, and reports a body that is not JSON', () => {
    const engine = defaultEngine();
    const v3 = parseMessagePact(
      JSON.stringify({
        consumer: { name: 'c' },
        provider: { name: 'p' },
        messages: [{ description: 'ping', providerStates: [{ name: 's' }], contents: { type: 'ping' }, matchingRules: { body: {} } }],
        metadata: { pactSpecification: { version: '3.0.0' } },
      }),
      'v3.json',
    );
    expect(v3.messages[0]).toMatchObject({ description: 'ping', providerStates: ['s'], content: { type: 'ping' } });
    expect(verifyMessagePact(engine, v3).passed).toBe(true);

    const v4 = parseMessagePact(
      JSON.stringify({
        consumer: { name: 'c' },
        provider: { name: 'p' },
        interactions: [
          {
            type: 'Asynchronous/Messages',
            description: 'b64',
            contents: { contentType: 'application/json', encoded: 'base64', content: Buffer.from('{"type":"ping"}').toString('base64') },
          },
          { type: 'Asynchronous/Messages', description: 'text', contents: { contentType: 'text/plain', encoded: false, content: 'hello' } },
        ],
      }),
      'v4.json',
    );
    expect(v4.messages[0]?.content).toEqual({ type: 'ping' });
    const report = verifyMessagePact(engine, v4);
    expect(report.messages.map((m) => [m.status, m.findings.map((f) => f.code)])).toEqual([
      ['pass', []],
      ['fail', ['content-type', 'not-json']],
    ]);
  });
});
