import fc from 'fast-check';
import { dateTimeFormatRegex } from '../../../src/pact/messages/dateTimeFormat';
import { parseMessagePact } from '../../../src/pact/messages/messagePactFile';
import type { MatchingRule } from '../../../src/pact/messages/messagePactFile';
import { ruleAccepts } from '../../../src/pact/messages/ruleAccepts';
import { verifyMessagePact } from '../../../src/pact/messages/verifyMessagePact';
import { defaultEngine } from '../../support/engine';

const rule = (...matchers: Array<Record<string, unknown> & { match: string }>): MatchingRule => ({ path: '$', combine: 'AND', matchers });
const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

describe("pact-js's datetime and timestamp matchers", () => {
  it('accept every instant written in their Java pattern, in UTC and with offsets', () => {
    const iso = "yyyy-MM-dd'T'HH:mm:ss.SSSXXX";
    fc.assert(
      fc.property(fc.date({ min: new Date('1970-01-01'), max: new Date('2999-12-31'), noInvalidDate: true }), fc.integer({ min: -14, max: 14 }), (date, offset) => {
        const body = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}.${pad(date.getUTCMilliseconds(), 3)}`;
        const zone = offset === 0 ? 'Z' : `${offset < 0 ? '-' : '+'}${pad(Math.abs(offset))}:00`;
        expect(ruleAccepts(rule({ match: 'datetime', format: iso }), `${body}${zone}`, 'x').ok).toBe(true);
        expect(ruleAccepts(rule({ match: 'timestamp', timestamp: iso }), `${body}${zone}`, 'x').ok).toBe(true);
        // Without the fraction the layout differs: refused.
        expect(ruleAccepts(rule({ match: 'datetime', format: iso }), `${body.slice(0, 19)}${zone}`, 'x').ok).toBe(false);
      }),
    );
  });

  it('read quoted literals, optional sections and the offset forms', () => {
    const accepts = (pattern: string, value: string): boolean => {
      const regex = dateTimeFormatRegex(pattern);
      if (typeof regex === 'string') throw new Error(regex);
      return regex.test(value);
    };
    expect(accepts("yyyy-MM-dd'T'HH:mm:ss'Z'", '2024-06-01T12:00:00Z')).toBe(true);
    expect(accepts("yyyy-MM-dd'T'HH:mm:ss'Z'", '2024-06-01T12:00:00+02:00')).toBe(false);
    expect(accepts("yyyy-MM-dd'T'HH:mm:ss[.SSS]X", '2024-06-01T12:00:00+0200')).toBe(true);
    expect(accepts("yyyy-MM-dd'T'HH:mm:ss[.SSS]X", '2024-06-01T12:00:00.250Z')).toBe(true);
    expect(accepts('yyyy-MM-dd', '2024-6-1')).toBe(false);
    expect(accepts("HH 'o''clock'", "12 o'clock")).toBe(true);
    expect(typeof dateTimeFormatRegex("yyyy'")).toBe('string');
  });
});

function messagePact(message: Record<string, unknown>): ReturnType<typeof parseMessagePact> {
  return parseMessagePact(
    JSON.stringify({ consumer: { name: 'acme' }, provider: { name: 'gridx-webhooks' }, interactions: [{ type: 'Asynchronous/Messages', description: 'm', ...message }] }),
    'm.json',
  );
}

describe('hookproof pact verify-messages, sender side', () => {
  const engine = defaultEngine();
  const ping = { type: 'ping' };

  it('checks the content type the message declares (contents and metadata) against what gridX sends', () => {
    const codes = (message: Record<string, unknown>): string[] => verifyMessagePact(engine, messagePact(message)).messages[0]?.findings.map((f) => f.code) ?? [];
    expect(codes({ contents: { content: ping, contentType: 'application/json', encoded: false }, metadata: { contentType: 'application/json; charset=utf-8' } })).toEqual([]);
    expect(codes({ contents: { content: ping, contentType: 'application/json', encoded: false }, metadata: { 'content-type': 'application/cloudevents+json' } })).toEqual([
      'content-type',
    ]);
    expect(codes({ contents: { content: ping, contentType: 'application/vnd.acme+json', encoded: false } })).toEqual(['content-type']);
    const report = verifyMessagePact(engine, messagePact({ contents: { content: ping, contentType: 'application/json', encoded: false }, metadata: { contentType: 'text/xml' } }));
    expect(report.passed).toBe(false);
    expect(report.messages[0]?.findings[0]?.message).toBe(`the message declares content type text/xml, but gridX sends ${engine.catalogue.mediaType}`);
  });

  it('finds a timestamp rule stricter than the spec (no offsets, no fractions) with the events gridX may send', () => {
    const type = engine.catalogue.types.find((t) => !t.deprecated && t.type !== 'ping');
    if (type === undefined) throw new Error('no type');
    const time = '2024-06-01T12:00:00Z';
    const strict = { match: 'datetime', format: "yyyy-MM-dd'T'HH:mm:ss'Z'" };
    const pact = messagePact({
      contents: { content: { type: type.type, time }, contentType: 'application/json', encoded: false },
      matchingRules: { body: { '$.time': { combine: 'AND', matchers: [strict] } } },
    });
    const finding = verifyMessagePact(engine, pact).messages[0]?.findings.find((f) => f.pointer === '/time');
    expect(finding).toMatchObject({ severity: 'error', code: 'rule-rejects' });
    expect(finding?.message).toMatch(/which the receiver's rule rejects: it is not laid out as yyyy-MM-dd'T'HH:mm:ss'Z'$/);
  });

  it('sends upper-case uuids too: a lower-case-only uuid rule is found', () => {
    const type = engine.catalogue.types.find((t) => !t.deprecated && t.type !== 'ping');
    if (type === undefined) throw new Error('no type');
    const id = '0b6e4b5e-5f6a-4c3e-9d2e-1a2b3c4d5e6f';
    const lowerOnly = { match: 'regex', regex: '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' };
    const pact = messagePact({
      contents: { content: { type: type.type, id }, contentType: 'application/json', encoded: false },
      matchingRules: { body: { '$.id': { combine: 'AND', matchers: [lowerOnly] } } },
    });
    const finding = verifyMessagePact(engine, pact).messages[0]?.findings.find((f) => f.pointer === '/id');
    expect(finding).toMatchObject({ severity: 'error', code: 'rule-rejects' });
    expect(finding?.message).toMatch(/gridX may send "[0-9A-F]{8}-[0-9A-F]{4}-/);
    // Either case passes a rule that allows both, as the spec does.
    const bothCases = { match: 'regex', regex: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$' };
    const fine = messagePact({
      contents: { content: { type: type.type, id }, contentType: 'application/json', encoded: false },
      matchingRules: { body: { '$.id': { combine: 'AND', matchers: [bothCases] } } },
    });
    expect(verifyMessagePact(engine, fine).messages[0]?.findings.filter((f) => f.pointer === '/id')).toEqual([]);
  });
});
