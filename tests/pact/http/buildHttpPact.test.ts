import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine } from '../../../src/engine';
import { UnknownEventTypeError, UsageError } from '../../../src/errors';
import { buildHttpPact, EXAMPLE_SECRET, httpPactJson, SIGNING_STATES, type HttpInteraction } from '../../../src/pact/http';
import { serialiseEvent } from '../../../src/serialise';
import { verifySignature } from '../../../src/signing';
import { parseSignatureHeader } from '../../../src/contract';
import { defaultEngine } from '../../support/engine';
import { memoryIO } from '../../../src/cli/memoryIO';
import { runCli } from '../../../src/cli/runCli';
import { fixtureSpec } from '../../cli/paths';
import { leakedForms } from '../../reports/support/secret';
import { ruleListAccepts, violations } from './support/evaluateRules';
import { UNKNOWN_FIELD } from '../../../src/pact/http/toleranceInteractions';
import { bytesOf, eventOf, requirementOf, tempDir, testPact } from './support/pacts';

const SUCCESS = [200, 201, 202, 204];

describe('buildHttpPact', () => {
  const { catalogue, validators } = defaultEngine();
  const pact = testPact();
  const current = catalogue.types.filter((t) => !t.deprecated);

  it('is a V4 pact between gridx-webhooks and the receiver', () => {
    expect(pact.consumer).toEqual({ name: 'gridx-webhooks' });
    expect(pact.provider).toEqual({ name: 'test-receiver' });
    expect(pact.metadata.pactSpecification).toEqual({ version: '4.0' });
    expect(pact.metadata.hookproof.specSha256).toBe(catalogue.spec.sha256);
    expect(new Set(pact.interactions.map((i) => `${i.type} ${i.request.method} ${i.request.path}`))).toEqual(new Set(['Synchronous/HTTP POST /hooks/gridx']));
  });

  it('has an EVT-1 and an EVT-2 interaction per current type in catalogue order, one EVT-3, then SIG-2, SIG-3, SIG-4, SIG-6, SIG-8, SIG-12', () => {
    expect(pact.interactions.map((i) => i.description)).toEqual([
      ...current.map((t) => `EVT-1 a valid ${t.type} event is accepted`),
      ...current.map((t) => `EVT-2 a ${t.type} event without any optional field is accepted`),
      `EVT-3 a ${current[0]?.type ?? ''} event with unknown properties in the envelope and in data is accepted`,
      'SIG-2 a request without X-Signature is rejected with 401',
      'SIG-3 a request signed with a secret the receiver does not hold is rejected with 401',
      'SIG-4 a request whose body was changed after signing is rejected with 401',
      "SIG-6 a request with 3 digests, the receiver's at position 2, is accepted",
      'SIG-8 an event written as unusual but valid JSON, signed over its exact bytes, is accepted',
      "SIG-12 a request whose digest differs from the receiver's in its last hex digit is rejected with 401",
    ]);
    const typesOf = (requirement: string): unknown[] => pact.interactions.filter((i) => requirementOf(i.description) === requirement).map((i) => eventOf(i).type);
    expect([typesOf('EVT-1'), typesOf('EVT-2')]).toEqual([current.map((t) => t.type), current.map((t) => t.type)]);
  });

  it('writes every body as its exact text (encoded "json"), the bytes the example signature signs', () => {
    for (const interaction of pact.interactions) {
      const { body } = interaction.request;
      expect([interaction.description, body.encoded, body.contentType, typeof body.content]).toEqual([interaction.description, 'json', 'application/json', 'string']);
      const exact = requirementOf(interaction.description) === 'SIG-8' ? bytesOf(interaction) : serialiseEvent(eventOf(interaction));
      expect(bytesOf(interaction).equals(exact)).toBe(true);
    }
    const sig8 = pact.interactions.find((i) => requirementOf(i.description) === 'SIG-8');
    if (sig8 === undefined) throw new Error('no SIG-8 interaction');
    // Same value, other bytes: a receiver that re-serialises before verifying computes another digest.
    expect(bytesOf(sig8).equals(serialiseEvent(eventOf(sig8)))).toBe(false);
    expect(verifySignature(bytesOf(sig8), sig8.request.headers['X-Signature']?.[0], [EXAMPLE_SECRET]).valid).toBe(true);
    expect(verifySignature(serialiseEvent(eventOf(sig8)), sig8.request.headers['X-Signature']?.[0], [EXAMPLE_SECRET]).valid).toBe(false);
  });

  it('leaves every optional field out of the EVT-2 examples and adds unknown properties to the EVT-3 one', () => {
    const has = (event: unknown, pointer: string): boolean => {
      let at: unknown = event;
      for (const key of pointer.split('/').slice(1)) {
        if (typeof at !== 'object' || at === null || !(key in at)) return false;
        at = (at as Record<string, unknown>)[key];
      }
      return true;
    };
    for (const interaction of pact.interactions.filter((i) => requirementOf(i.description) === 'EVT-2')) {
      const event = eventOf(interaction);
      const eventType = catalogue.get(String(event.type));
      expect([interaction.description, eventType.optionalPaths.filter((p) => has(event, p))]).toEqual([interaction.description, []]);
    }
    const evt3 = pact.interactions.find((i) => requirementOf(i.description) === 'EVT-3');
    if (evt3 === undefined) throw new Error('no EVT-3 interaction');
    const event = eventOf(evt3);
    expect([UNKNOWN_FIELD in event, UNKNOWN_FIELD in (event.data as object)]).toEqual([true, true]);
    expect(evt3.request.matchingRules.body[`$.${UNKNOWN_FIELD}`]).toEqual({ combine: 'AND', matchers: [{ match: 'type' }] });
  });

  it('expects a success status (exactly 200, 201, 202, 204) or 401, as the requirement says', () => {
    for (const interaction of pact.interactions) {
      const { response } = interaction;
      if (['SIG-2', 'SIG-3', 'SIG-4', 'SIG-12'].includes(requirementOf(interaction.description))) {
        expect(response).toEqual({ status: 401 });
      } else {
        expect(response).toEqual({ status: 202, matchingRules: { status: { '': { combine: 'AND', matchers: [{ match: 'statusCode', status: SUCCESS }] } } } });
      }
    }
  });

  it('drives signing through one provider state per interaction', () => {
    const stateOf = (i: HttpInteraction): string => i.providerStates.map((s) => s.name).join(' & ');
    const byRequirement = Object.fromEntries(pact.interactions.map((i) => [requirementOf(i.description), stateOf(i)]));
    expect(byRequirement).toEqual({
      'EVT-1': SIGNING_STATES['valid-single'],
      'EVT-2': SIGNING_STATES['valid-single'],
      'EVT-3': SIGNING_STATES['valid-single'],
      'SIG-8': SIGNING_STATES['valid-single'],
      'SIG-2': SIGNING_STATES['missing-header'],
      'SIG-3': SIGNING_STATES['wrong-secret'],
      'SIG-4': SIGNING_STATES['body-changed'],
      'SIG-6': SIGNING_STATES.rotation,
      'SIG-12': SIGNING_STATES['near-miss'],
    });
    expect(pact.interactions.at(-3)?.providerStates[0]?.params).toEqual({ header: 'X-Signature', digests: 3, position: 2 });
  });

  it('has example bodies that all validate against the spec', () => {
    for (const interaction of pact.interactions) {
      const result = validators.validateBytes(bytesOf(interaction));
      expect([interaction.description, result]).toEqual([interaction.description, expect.objectContaining({ valid: true })]);
    }
    expect(new Set(pact.interactions.map((i) => eventOf(i).id)).size).toBe(pact.interactions.length);
  });

  it('has body matchers that accept their example, on every field present but the constant type', () => {
    for (const interaction of pact.interactions) {
      const content = eventOf(interaction);
      const rules = interaction.request.matchingRules.body;
      expect([interaction.description, violations(rules, content, content)]).toEqual([interaction.description, []]);
      const eventType = catalogue.get(String(content.type));
      const requirement = requirementOf(interaction.description);
      const paths = requirement === 'EVT-2' ? [...eventType.requiredPaths] : [...eventType.requiredPaths, ...eventType.optionalPaths];
      if (requirement === 'EVT-3') paths.push(`/${UNKNOWN_FIELD}`, `/data/${UNKNOWN_FIELD}`);
      const leaves = paths.filter((p) => p !== '/type' && !paths.some((other) => other.startsWith(`${p}/`)));
      expect([interaction.description, Object.keys(rules).sort()]).toEqual([interaction.description, leaves.map((p) => `$${p.replace(/\//g, '.')}`).sort()]);
    }
  });

  it("matches X-Signature by the spec's pattern, with an example signed as the provider state says", () => {
    const pattern = catalogue.signatureHeader.pattern;
    expect(pattern).toBeDefined();
    for (const interaction of pact.interactions) {
      const { headers, matchingRules, body } = interaction.request;
      const header = headers['X-Signature']?.[0];
      const requirement = requirementOf(interaction.description);
      expect(headers['Content-Type']).toEqual(['application/json']);
      if (requirement === 'SIG-2') {
        expect([header, matchingRules.header]).toEqual([undefined, undefined]);
        continue;
      }
      const rule = matchingRules.header?.['X-Signature'];
      expect(rule).toEqual({ combine: 'AND', matchers: [{ match: 'regex', regex: pattern }] });
      expect(rule !== undefined && ruleListAccepts(rule, header, header)).toBe(true);
      const verdict = verifySignature(bytesOf(interaction), header, [EXAMPLE_SECRET]).valid;
      expect(body.encoded).toBe('json');
      const parsed = parseSignatureHeader(header ?? '');
      expect([requirement, verdict, parsed.ok ? parsed.digests.length : 0]).toEqual([
        requirement,
        !['SIG-3', 'SIG-4', 'SIG-12'].includes(requirement),
        requirement === 'SIG-6' ? 3 : 1,
      ]);
    }
  });

  it('is deterministic: the same spec and options give the same bytes, whatever the order of --types', () => {
    const again = buildHttpPact(createEngine().catalogue, { provider: 'test-receiver' });
    expect(httpPactJson(again)).toBe(httpPactJson(pact));
    const a = testPact({ types: ['ping', 'ev/plugged'] });
    const b = testPact({ types: ['ev/plugged', 'ping', 'ping'] });
    expect(httpPactJson(a)).toBe(httpPactJson(b));
    expect(a.interactions.map((i) => i.description).slice(0, 2)).toEqual(['EVT-1 a valid ev/plugged event is accepted', 'EVT-1 a valid ping event is accepted']);
    // Examples are seeded per type: selecting fewer types leaves the others' examples unchanged.
    expect(a.interactions[1]?.request.body).toEqual(pact.interactions.find((i) => i.description.includes(' ping '))?.request.body);
  });

  it('contains no secret, even when generated with one in the environment', async () => {
    const secret = 'gen-Secret-"<&>é\\-42';
    const out = tempDir();
    const io = { ...memoryIO(), env: { HOOKPROOF_SECRET: secret, PACT_SECRET: secret } };
    expect(await runCli(['pact', 'generate', '--provider', 'p', '--out', out], io)).toBe(0);
    const printed = [...io.stdout, ...io.stderr].join('\n');
    const written = readFileSync(join(out, 'gridx-webhooks-p.json'), 'utf8');
    expect(leakedForms(printed + written + httpPactJson(pact), secret)).toEqual([]);
    expect(leakedForms(written, EXAMPLE_SECRET)).not.toEqual([]);
    expect(httpPactJson(pact)).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/);
  });
});

describe('buildHttpPact options', () => {
  it('leaves deprecated types out, unless asked: then EVT-5 allows success or a permanent 4xx', () => {
    const { catalogue } = defaultEngine();
    const deprecated = catalogue.types.filter((t) => t.deprecated).map((t) => t.type);
    expect(deprecated.length).toBeGreaterThan(0);
    const described = (p: ReturnType<typeof testPact>): string => p.interactions.map((i) => i.description).join('\n');
    expect(deprecated.some((t) => described(testPact()).includes(` ${t} `))).toBe(false);
    const all = testPact({ includeDeprecated: true });
    const evt5 = all.interactions.filter((i) => requirementOf(i.description) === 'EVT-5');
    expect(evt5.map((i) => i.description)).toEqual(deprecated.map((t) => `EVT-5 a deprecated ${t} event is accepted or refused permanently`));
    const statuses = (evt5[0]?.response.matchingRules?.status[''].matchers[0] as { status: number[] } | undefined)?.status ?? [];
    expect(statuses).toEqual(expect.arrayContaining([...SUCCESS, 400, 401, 403, 404, 409, 422]));
    for (const refused of [203, 206, 301, 408, 410, 429, 500, 502, 503, 504]) expect(statuses).not.toContain(refused);
    const named = testPact({ types: [deprecated[0] ?? ''] });
    expect(named.interactions.map((i) => requirementOf(i.description))).toEqual(['EVT-5', 'SIG-2', 'SIG-3', 'SIG-4', 'SIG-6', 'SIG-8', 'SIG-12']);
  });

  it('takes the consumer name, and the path with its query, exactly as registered', () => {
    const pact = testPact({ consumer: 'gridx-staging', path: '/in/gridx?tenant=t1&tenant=t2&k=a%20b' });
    expect(pact.consumer.name).toBe('gridx-staging');
    expect(pact.interactions[0]?.request.path).toBe('/in/gridx');
    expect(pact.interactions[0]?.request.query).toEqual({ tenant: ['t1', 't2'], k: ['a b'] });
  });

  it("follows the spec, not a list of today's types", () => {
    const { catalogue } = createEngine({ specPath: fixtureSpec('future-spec.yaml') });
    const pact = buildHttpPact(catalogue, { provider: 'p' });
    const current = catalogue.types.filter((t) => !t.deprecated).map((t) => t.type);
    expect(current).not.toEqual(
      defaultEngine()
        .catalogue.types.filter((t) => !t.deprecated)
        .map((t) => t.type),
    );
    expect(pact.interactions.filter((i) => i.description.startsWith('EVT-1')).map((i) => eventOf(i).type)).toEqual(current);
  });

  it('refuses bad names, paths and types', () => {
    expect(() => testPact({ provider: '' })).toThrow(UsageError);
    expect(() => testPact({ provider: 'a/b' })).toThrow(UsageError);
    expect(() => testPact({ consumer: 'x\ny' })).toThrow(UsageError);
    expect(() => testPact({ path: 'hooks/gridx' })).toThrow(UsageError);
    expect(() => testPact({ path: '/hooks#x' })).toThrow(UsageError);
    expect(() => testPact({ types: ['ev/nope'] })).toThrow(UnknownEventTypeError);
    expect(() => testPact({ types: [] })).toThrow(UsageError);
  });
});
