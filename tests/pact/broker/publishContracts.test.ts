import fc from 'fast-check';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BrokerError, ContractNotPortableError } from '../../../src/errors';
import { publishPacts } from '../../../src/pact/broker/publishPacts';
import { httpPactJson, type HttpPact } from '../../../src/pact/http';
import { portabilityProblems } from '../../../src/pact/portable';
import { closeAfterEach } from '../../support/servers';
import { leakedForms } from '../../reports/support/secret';
import { tempDir, testPact } from '../http/support/pacts';
import { startFakeBroker } from '../support/fakeBroker';
import { cleanEnv, pactCli } from './support/cli';

/*
 * `pact publish` through the broker's HAL API, against the stand-in broker of
 * tests/pact/support/fakeBroker.ts: the exact bytes go up, the broker's copy comes back with every
 * interaction intact, and what would not survive (or did not) is refused with exit 1.
 */

const TOKEN = 'pactflow-tok-5c0ffee1d';
const pact = testPact({ types: ['ping'] });

function write(p: unknown, name = 'gridx-webhooks-test-receiver.json'): string {
  const file = join(tempDir(), name);
  writeFileSync(file, typeof p === 'object' && p !== null && 'consumer' in p ? httpPactJson(p as HttpPact) : JSON.stringify(p, null, 2));
  return file;
}

describe('publishPacts: exact bytes through pb:publish-contracts', () => {
  const closing = closeAfterEach();

  it('publishes the file byte for byte under the content-named version, and the broker copy keeps every interaction', async () => {
    const broker = await closing(startFakeBroker({ token: TOKEN }));
    const file = write(pact);
    const result = await publishPacts({ files: [file], branch: 'main', checkRoundtrip: true, brokerUrl: broker.url, brokerToken: TOKEN }, cleanEnv());
    expect(result.version).toMatch(new RegExp(`^${pact.metadata.hookproof.specSha256.slice(0, 12)}\\+[0-9a-f]{12}$`));
    expect([result.contentNamed, result.roundtrip]).toEqual([true, 'unchanged']);
    const sent = broker.publications[0]?.contracts[0]?.content ?? '';
    expect(Buffer.from(sent, 'base64').equals(readFileSync(file))).toBe(true);
    const version = encodeURIComponent(result.version);
    expect(broker.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      `GET /pacts/provider/test-receiver/consumer/gridx-webhooks/version/${version}`,
      'GET /',
      'POST /contracts/publish',
      `GET /pacts/provider/test-receiver/consumer/gridx-webhooks/version/${version}`,
    ]);
    expect(broker.requests.every((r) => r.headers.authorization === `Bearer ${TOKEN}`)).toBe(true);
    // Same spec, same options, same bytes: the same version, and publishing again is allowed.
    const again = await publishPacts({ files: [write(pact)], brokerUrl: broker.url, brokerToken: TOKEN }, cleanEnv());
    expect(again.version).toBe(result.version);
  });

  it('refuses different content under a version the broker already holds, and names the new one', async () => {
    const broker = await closing(startFakeBroker());
    await publishPacts({ files: [write(pact)], consumerAppVersion: '1.0.0', brokerUrl: broker.url }, cleanEnv());
    const other = testPact({ types: ['ping'], path: '/hooks/other' });
    const publishing = publishPacts({ files: [write(other)], consumerAppVersion: '1.0.0', brokerUrl: broker.url }, cleanEnv());
    await expect(publishing).rejects.toThrow(BrokerError);
    await expect(publishing).rejects.toThrow(/already holds a different pact between gridx-webhooks version 1\.0\.0 and test-receiver \(".*" changed: request\.path\)/);
    expect(broker.publications).toHaveLength(1);
    const named = await publishPacts({ files: [write(other)], brokerUrl: broker.url }, cleanEnv());
    expect(named.version).not.toBe('1.0.0');
    expect(broker.publications).toHaveLength(2);
  });

  it("fails the roundtrip when the broker's copy has re-serialised bodies (what the Pact CLI upload did)", async () => {
    const broker = await closing(startFakeBroker({ copy: 'bodies-parsed' }));
    const publishing = publishPacts({ files: [write(pact)], checkRoundtrip: true, brokerUrl: broker.url }, cleanEnv());
    await expect(publishing).rejects.toThrow(ContractNotPortableError);
    await expect(publishing).rejects.toThrow(/the broker's copy of .* is not the contract: "EVT-1 .*" changed: request\.body/);
  });

  it('refuses, before any request, a contract whose signed body is JSON data or was edited after signing', async () => {
    const broker = await closing(startFakeBroker());
    const document = JSON.parse(httpPactJson(pact)) as { interactions: Array<{ description: string; request: { body: { content: unknown; encoded: unknown } } }> };
    const at = document.interactions.findIndex((i) => i.description.startsWith('SIG-8 '));
    const sig8 = document.interactions[at];
    if (sig8 === undefined) throw new Error('no SIG-8 interaction');
    const parsed = structuredClone(document);
    const changed = parsed.interactions[at];
    if (changed !== undefined) changed.request.body = { ...changed.request.body, content: JSON.parse(sig8.request.body.content as string) as unknown, encoded: false };
    await expect(publishPacts({ files: [write(parsed)], consumerAppVersion: '1', brokerUrl: broker.url }, cleanEnv())).rejects.toThrow(
      /would not survive a broker: "SIG-8 .*": its request body is JSON data, not its exact text/,
    );
    const edited = structuredClone(document);
    const first = edited.interactions[0];
    if (first !== undefined) first.request.body.content = (first.request.body.content as string).replace(/"(\w+)":/, '"$1" :');
    await expect(publishPacts({ files: [write(edited)], consumerAppVersion: '1', brokerUrl: broker.url }, cleanEnv())).rejects.toThrow(
      /does not sign its body's bytes as its provider state says/,
    );
    expect(broker.requests).toEqual([]);
  });

  it('the generated contract is portable, and any re-laid signed body is not', () => {
    const document = JSON.parse(httpPactJson(pact)) as { interactions: Array<{ request: { headers: Record<string, unknown>; body: { content: string } } }> };
    expect(portabilityProblems(document)).toEqual([]);
    fc.assert(
      fc.property(fc.nat({ max: document.interactions.length - 1 }), fc.constantFrom(0, 1, 4), (i, indent) => {
        const copy = structuredClone(document);
        const interaction = copy.interactions[i];
        if (interaction === undefined) return;
        const relaid = JSON.stringify(JSON.parse(interaction.request.body.content), null, indent);
        fc.pre(relaid !== interaction.request.body.content);
        interaction.request.body.content = relaid;
        // Another layout breaks every example signature; only the unsigned SIG-2 request has none to break.
        expect(portabilityProblems(copy)).toHaveLength('X-Signature' in interaction.request.headers ? 1 : 0);
      }),
    );
  });
});

describe('hookproof pact publish (CLI)', () => {
  const closing = closeAfterEach();

  it('publishes with --check-roundtrip, exits 1 with the reason when the broker refuses, never printing the token', async () => {
    const broker = await closing(startFakeBroker({ token: TOKEN }));
    const file = write(pact);
    const ok = await pactCli(['publish', file, '--broker-url', broker.url, '--check-roundtrip', '--branch', 'main'], cleanEnv({ PACT_BROKER_TOKEN: TOKEN }));
    expect([ok.code, ok.stderr]).toEqual([0, []]);
    expect(ok.stdout.at(-2)).toMatch(/^published 1 pact\(s\) as [0-9a-f]{12}\+[0-9a-f]{12} \(branch main; version named by spec and content\) to http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(ok.stdout.at(-1)).toMatch(/^roundtrip the broker's copy of every pact has every interaction unchanged/);
    const refused = await pactCli(['publish', file, '--broker-url', broker.url], cleanEnv({ PACT_BROKER_TOKEN: `${TOKEN}-revoked` }));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toEqual([
      expect.stringMatching(/^hookproof: cannot look for a pact already published under this version: the broker answered 401: Unauthorized \(GET http/),
    ]);
    expect(leakedForms(ok.all + refused.all, TOKEN)).toEqual([]);
  });
});
