import { makeConsumerPact } from '@pact-foundation/pact-core';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventArbitrary } from '../../../src/arbitraries';
import { createEngine, type Engine } from '../../../src/engine';
import { buildHttpPact, type HttpInteraction, type HttpPact } from '../../../src/pact/http';
import { emptyOpenObjects } from '../../../src/arbitraries/exampleEvent';
import { serialiseEvent } from '../../../src/serialise';
import { sign } from '../../../src/signing';
import { fixtureSpec } from '../../cli/paths';
import { bytesOf, eventOf, tempDir } from './support/pacts';

// The consumer side, with the real Pact core: gridX's requests must match the contract. The
// contract's interactions are loaded into a Pact mock server, which then judges requests with the
// core's own matching (Rust regexes, type and number matchers, OR for nullable fields).

interface MockServer {
  readonly port: number;
  send(body: Buffer, signature: string | undefined): Promise<number>;
  problems(): string[];
  close(): void;
  writePact(dir: string): void;
}

function mockServer(pact: HttpPact, keep: (interaction: HttpInteraction) => boolean): MockServer {
  const core = makeConsumerPact(pact.consumer.name, `${pact.provider.name}-${Math.random().toString(36).slice(2)}`, 5 /* V4 */, 'error');
  for (const interaction of pact.interactions.filter(keep)) {
    const { request, response } = interaction;
    const i = core.newInteraction(interaction.description);
    i.uponReceiving(interaction.description);
    for (const state of interaction.providerStates) i.givenWithParams(state.name, JSON.stringify(state.params));
    i.withRequest(request.method, request.path);
    for (const [name, values] of Object.entries(request.query ?? {})) values.forEach((value, index) => i.withQuery(name, index, value));
    for (const [name, values] of Object.entries(request.headers)) values.forEach((value, index) => i.withRequestHeader(name, index, value));
    i.withRequestBody(bytesOf(interaction).toString('utf8'), request.body.contentType);
    i.withRequestMatchingRules(JSON.stringify(request.matchingRules));
    i.withStatus(response.status);
    if (response.matchingRules !== undefined) i.withResponseMatchingRules(JSON.stringify(response.matchingRules));
  }
  const port = core.createMockServer('127.0.0.1', 0, false);
  const path = pact.interactions[0]?.request.path ?? '/';
  return {
    port,
    async send(body, signature) {
      const response = await fetch(`http://127.0.0.1:${port}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(signature !== undefined ? { 'x-signature': signature } : {}) },
        body,
      });
      await response.arrayBuffer();
      return response.status;
    },
    problems: () =>
      core
        .mockServerMismatches(port)
        .filter((m) => !('type' in m) || m.type !== 'missing-request')
        .map((m) => JSON.stringify(m)),
    close: () => core.cleanupMockServer(port),
    writePact: (dir) => core.writePactFile(dir, false),
  };
}

const isEvent = (i: HttpInteraction): boolean => i.description.startsWith('EVT-1') || i.description.startsWith('EVT-5');

describe.each([
  ['the gridX spec', undefined],
  ['a future spec', fixtureSpec('future-spec.yaml')],
])('the Pact core, given the contract for %s', (_name, specPath) => {
  const engine: Engine = createEngine(specPath !== undefined ? { specPath } : {});
  const pact = buildHttpPact(engine.catalogue, { provider: 'core-check', includeDeprecated: true });

  it('matches gridX events of every type, generated anew, signed, every optional field present', async () => {
    for (const eventType of engine.catalogue.types) {
      // One mock server per type: matching a request against every interaction costs the core a
      // full diff per interaction.
      const server = mockServer(pact, (i) => isEvent(i) && eventOf(i).type === eventType.type);
      try {
        const events = fc.sample(eventArbitrary(eventType, { presence: 'full' }), { seed: 7, numRuns: 10 });
        const statuses = await Promise.all(
          events.map((event) => {
            const body = serialiseEvent(emptyOpenObjects(eventType.schema, event));
            return server.send(body, sign(body, ['any-secret', 'rotated']));
          }),
        );
        expect([eventType.type, statuses, server.problems()]).toEqual([eventType.type, events.map(() => 202), []]);
      } finally {
        server.close();
      }
    }
  });

  it('refuses what the contract rules out: a bad uuid, a wrong type of value, a malformed signature', async () => {
    const server = mockServer(pact, isEvent);
    try {
      const [eventType] = engine.catalogue.types.filter((t) => !t.deprecated);
      if (eventType === undefined) throw new Error('no type');
      const [event] = fc.sample(eventArbitrary(eventType, { presence: 'full' }), { seed: 3, numRuns: 1 });
      const good = emptyOpenObjects(eventType.schema, event) as Record<string, unknown>;
      const body = (value: unknown): Buffer => serialiseEvent(value);
      const ok = body(good);
      expect(await server.send(ok, sign(ok, ['s']))).toBe(202);
      expect(await server.send(body({ ...good, id: 'not-a-uuid' }), sign(ok, ['s']))).toBe(500);
      expect(await server.send(body({ ...good, time: 1700000000 }), sign(ok, ['s']))).toBe(500);
      expect(await server.send(ok, sign(ok, ['s']).replace('sha512=', 'sha256='))).toBe(500);
      expect(await server.send(ok, undefined)).toBe(500);
      // The core records a mismatch after it has answered: on a loaded machine the last one can
      // arrive a moment later, so wait for the signal (bounded) rather than read at once.
      for (let tries = 0; tries < 100 && server.problems().length < 4; tries += 1) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(server.problems()).toHaveLength(4);
    } finally {
      server.close();
    }
  });

  it('writes the same states and request and response rules when it builds the pact itself', () => {
    const server = mockServer(pact, () => true);
    const dir = tempDir();
    try {
      server.writePact(dir);
    } finally {
      server.close();
    }
    const [file] = readdirSync(dir);
    const written = JSON.parse(readFileSync(join(dir, file ?? ''), 'utf8')) as HttpPact;
    const rulesOf = (p: HttpPact): unknown[] =>
      [...p.interactions]
        .sort((a, b) => (a.description < b.description ? -1 : 1))
        .map((i) => ({ description: i.description, states: i.providerStates, request: i.request.matchingRules, response: i.response.matchingRules }));
    expect(rulesOf(written)).toEqual(rulesOf(pact));
  });
});
