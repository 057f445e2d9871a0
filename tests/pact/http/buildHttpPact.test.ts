import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine } from '../../../src/engine';
import { UnknownEventTypeError, UsageError } from '../../../src/errors';
import { buildHttpPact, EXAMPLE_SECRET, httpPactJson, SIGNING_STATES, type HttpInteraction } from '../../../src/pact/http';
import { serialiseEvent } from '../../../src/serialise';
import { parseSignatureHeader, verifySignature } from '../../../src/signing';
import { defaultEngine } from '../../helpers/engine';
import { memoryIO } from '../../../src/cli/memoryIO';
import { runCli } from '../../../src/cli/runCli';
import { fixtureSpec } from '../../cli/paths';
import { leakedForms } from '../../reports/support/secret';
import { ruleListAccepts, violations } from './support/evaluateRules';
import { requirementOf, tempDir, testPact } from './support/pacts';

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
    expect(pact.interactions.every((i) => i.type === 'Synchronous/HTTP' && i.request.method === 'POST' && i.request.path === '/hooks/gridx')).toBe(true);
  });

  it('has one EVT-1 interaction per current type in catalogue order, then SIG-2, SIG-3, SIG-4, SIG-6', () => {
    expect(pact.interactions.map((i) => i.description)).toEqual([
      ...current.map((t) => `EVT-1 a valid ${t.type} event is accepted`),
      'SIG-2 a request without X-Signature is rejected with 401',
      'SIG-3 a request signed with a secret the receiver does not hold is rejected with 401',
      'SIG-4 a request whose body was changed after signing is rejected with 401',
      "SIG-6 a request with 3 digests, the receiver's at position 2, is accepted",
    ]);
    expect(pact.interactions.filter((i) => i.request.body.content !== null).map((i) => (i.request.body.content as { type: string }).type).slice(0, current.length)).toEqual(current.map((t) => t.type));
  });

  it('expects a success status (exactly 200, 201, 202, 204) or 401, as the requirement says', () => {
    for (const interaction of pact.interactions) {
      const { response } = interaction;
      if (['SIG-2', 'SIG-3', 'SIG-4'].includes(requirementOf(interaction.description))) {
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
      'EVT-1': SIGNING_STATES.valid,
      'SIG-2': SIGNING_STATES.absent,
      'SIG-3': SIGNING_STATES['wrong-secret'],
      'SIG-4': SIGNING_STATES.tampered,
      'SIG-6': SIGNING_STATES.rotation,
    });
    expect(pact.interactions.at(-1)?.providerStates[0]?.params).toEqual({ header: 'X-Signature', digests: 3, position: 2 });
  });

  it('has example bodies that all validate against the spec', () => {
    for (const interaction of pact.interactions) {
      const result = validators.validateBytes(serialiseEvent(interaction.request.body.content));
      expect([interaction.description, result]).toEqual([interaction.description, expect.objectContaining({ valid: true })]);
    }
    expect(new Set(pact.interactions.map((i) => (i.request.body.content as { id: string }).id)).size).toBe(pact.interactions.length);
  });

  it('has body matchers that accept their example, on every field but the constant type', () => {
    for (const interaction of pact.interactions) {
      const { content } = interaction.request.body;
      const rules = interaction.request.matchingRules.body;
      expect([interaction.description, violations(rules, content, content)]).toEqual([interaction.description, []]);
      const eventType = catalogue.get((content as { type: string }).type);
      const paths = [...eventType.requiredPaths, ...eventType.optionalPaths];
      const leaves = paths.filter((p) => p !== '/type' && !paths.some((other) => other.startsWith(`${p}/`)));
      expect(Object.keys(rules).sort()).toEqual(leaves.map((p) => `$${p.replace(/\//g, '.')}`).sort());
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
      const verdict = verifySignature(serialiseEvent(body.content), header, [EXAMPLE_SECRET]).valid;
      const parsed = parseSignatureHeader(header ?? '');
      expect([requirement, verdict, parsed.ok ? parsed.digests.length : 0]).toEqual([
        requirement,
        requirement === 'EVT-1' || requirement === 'SIG-6',
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
    expect(named.interactions.map((i) => requirementOf(i.description))).toEqual(['EVT-5', 'SIG-2', 'SIG-3', 'SIG-4', 'SIG-6']);
  });

  it('takes the consumer name, and the path with its query, exactly as registered', () => {
    const pact = testPact({ consumer: 'gridx-staging', path: '/in/gridx?tenant=t1&tenant=t2&k=a%20b' });
    expect(pact.consumer.name).toBe('gridx-staging');
    expect(pact.interactions[0]?.request.path).toBe('/in/gridx');
    expect(pact.interactions[0]?.request.query).toEqual({ tenant: ['t1', 't2'], k: ['a b'] });
  });

  it('follows the spec, not a list of today\'s types', () => {
    const { catalogue } = createEngine({ specPath: fixtureSpec('future-spec.yaml') });
    const pact = buildHttpPact(catalogue, { provider: 'p' });
    const current = catalogue.types.filter((t) => !t.deprecated).map((t) => t.type);
    expect(current).not.toEqual(defaultEngine().catalogue.types.filter((t) => !t.deprecated).map((t) => t.type));
    expect(pact.interactions.filter((i) => i.description.startsWith('EVT-1')).map((i) => (i.request.body.content as { type: string }).type)).toEqual(current);
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
