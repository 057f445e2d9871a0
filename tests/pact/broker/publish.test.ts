import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { recordDeployment } from '../../../src/pact/broker/recordDeployment';
import { REDACTED } from '../../../src/redaction/redactSecrets';
import { readPact } from '../messages/support/pactFiles';
import { startFakeBroker, type FakeBroker } from '../support/fakeBroker';
import { cleanEnv, pactCli } from './support/cli';
import { writeReceiverPact } from './support/receiverPact';
import { closeAfterAll } from '../../support/servers';

const TOKEN = 'pactflow-token-7f3a9c1e';
const PASSWORD = 'broker-pa55word-b41d';

// `hookproof pact publish` talks to the broker's HAL API itself; here, a fake broker on 127.0.0.1
// that implements the documented endpoints (tests/pact/support/fakeBroker.ts). Publishing a pact
// that is not hookproof's (the receiver's message pact) needs --consumer-app-version.
describe('hookproof pact publish', () => {
  let pact: Awaited<ReturnType<typeof writeReceiverPact>>;
  const closing = closeAfterAll();
  let broker: FakeBroker;

  beforeAll(async () => {
    pact = await writeReceiverPact();
    broker = await closing(startFakeBroker({ token: TOKEN, basic: { username: 'ci', password: PASSWORD } }));
  });
  afterAll(() => {
    pact.cleanup();
  });
  beforeEach(() => {
    (broker.requests as unknown[]).length = 0;
    (broker.publications as unknown[]).length = 0;
  });

  it('reaches the broker with the documented request: index, then POST /contracts/publish', async () => {
    const run = await pactCli(
      ['publish', pact.path, '--broker-url', broker.url, '--broker-token', TOKEN, '--consumer-app-version', '1.2.3', '--branch', 'main', '--tag', 'prod', '--tag', 'v1'],
      cleanEnv(),
    );
    expect(run.stderr).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.stdout[0]).toBe(`pact      acme-receiver → gridx-webhooks  ${pact.path}`);
    expect(run.stdout.at(-1)).toBe(`published 1 pact(s) as 1.2.3 (branch main; tags prod, v1) to ${broker.url}/`);

    expect(broker.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'GET /pacts/provider/gridx-webhooks/consumer/acme-receiver/version/1.2.3',
      'GET /',
      'POST /contracts/publish',
    ]);
    expect(broker.requests.every((r) => r.headers.authorization === `Bearer ${TOKEN}`)).toBe(true);
    const body = JSON.parse(broker.requests[2]?.body ?? '') as Record<string, unknown>;
    expect(body).toEqual({
      pacticipantName: 'acme-receiver',
      pacticipantVersionNumber: '1.2.3',
      branch: 'main',
      tags: ['prod', 'v1'],
      contracts: [
        {
          consumerName: 'acme-receiver',
          providerName: 'gridx-webhooks',
          specification: 'pact',
          contentType: 'application/json',
          content: readFileSync(pact.path).toString('base64'),
        },
      ],
    });
    const published = broker.publications[0]?.contracts[0]?.pact as unknown as ReturnType<typeof readPact>;
    const written = readPact(pact.path);
    expect(published.consumer).toEqual(written.consumer);
    expect(published.provider).toEqual(written.provider);
    expect(published.interactions.map((i) => [i.type, i.description, i.contents.content, i.matchingRules])).toEqual(
      written.interactions.map((i) => [i.type, i.description, i.contents.content, i.matchingRules]),
    );
    expect(run.all).not.toContain(TOKEN);
  });

  it('takes the broker and a basic login from PACT_BROKER_* variables, and never prints the password', async () => {
    const run = await pactCli(
      ['publish', pact.path, '--consumer-app-version', '2.0.0'],
      cleanEnv({ PACT_BROKER_BASE_URL: broker.url, PACT_BROKER_USERNAME: 'ci', PACT_BROKER_PASSWORD: PASSWORD }),
    );
    expect(run.code).toBe(0);
    expect(broker.requests[2]?.headers.authorization).toBe(`Basic ${Buffer.from(`ci:${PASSWORD}`).toString('base64')}`);
    expect(broker.publications[0]).toMatchObject({ pacticipantVersionNumber: '2.0.0', branch: undefined, tags: undefined });
    expect(run.all).not.toContain(PASSWORD);
    expect(run.all).not.toContain(Buffer.from(`ci:${PASSWORD}`).toString('base64'));
  });

  it('exits 1 when the broker refuses the credentials, without printing them', async () => {
    const wrong = `${TOKEN}-revoked`;
    const run = await pactCli(['publish', pact.path, '--broker-url', broker.url, '--broker-token', wrong, '--consumer-app-version', '1.2.3'], cleanEnv());
    expect(run.code).toBe(1);
    expect(run.stderr).toEqual([
      `hookproof: cannot look for a pact already published under this version: the broker answered 401: Unauthorized (GET ${broker.url}/pacts/provider/gridx-webhooks/consumer/acme-receiver/version/1.2.3)`,
    ]);
    expect(broker.publications).toEqual([]);
    expect(run.all).not.toContain(wrong);
  });

  it('hands secrets to the Pact CLI in its environment, never on its command line, and redacts its output', async () => {
    // A stand-in for the pact binary that records its argv and environment, and echoes the secret.
    const record = join(pact.dir, 'recorded');
    const fake = join(pact.dir, 'fake-pact.sh');
    writeFileSync(fake, `#!/bin/sh\nprintf '%s\\n' "$@" > '${record}.args'\nenv > '${record}.env'\necho "token is $PACT_BROKER_TOKEN"\n`);
    chmodSync(fake, 0o755);
    const result = await recordDeployment(
      'deployment',
      { pacticipant: 'acme-receiver', version: '1.2.3', environment: 'production', brokerUrl: broker.url, brokerToken: TOKEN, pactCli: fake },
      cleanEnv({ PACT_BROKER_USERNAME: 'stale-user', PACT_BROKER_PASSWORD: 'stale-password' }),
    );
    const args = readFileSync(`${record}.args`, 'utf8');
    const env = readFileSync(`${record}.env`, 'utf8').split('\n');
    expect(args.split('\n').slice(0, 4)).toEqual(['broker', 'record-deployment', '--pacticipant', 'acme-receiver']);
    expect(args).not.toContain(TOKEN);
    expect(env).toContain(`PACT_BROKER_TOKEN=${TOKEN}`);
    expect(env).toContain(`PACT_BROKER_BASE_URL=${broker.url}`);
    expect(env.filter((l) => l.startsWith('PACT_BROKER_USERNAME=') || l.startsWith('PACT_BROKER_PASSWORD='))).toEqual([]);
    expect(result.output).toEqual([`token is ${REDACTED}`]);
  });

  it('exits 2 with one line, and no secret, for usage errors and files that are not pacts', async () => {
    const notPact = join(pact.dir, 'notes.json');
    writeFileSync(notPact, '{"hello":"world"}');
    const missing = join(pact.dir, 'missing.json');
    const cases: Array<[string[], Record<string, string>, string]> = [
      [['publish', pact.path, '--consumer-app-version', '1'], {}, 'hookproof: no Pact Broker URL: pass --broker-url URL or set PACT_BROKER_BASE_URL'],
      [
        ['publish', pact.path, '--consumer-app-version', '1', '--broker-url', broker.url, '--broker-token', TOKEN, '--broker-username', 'ci'],
        {},
        'hookproof: give either --broker-token or --broker-username with --broker-password, not both',
      ],
      [
        ['publish', pact.path, '--consumer-app-version', '1', '--broker-url', broker.url, '--broker-username', 'ci'],
        {},
        'hookproof: a broker user name needs a password: pass --broker-password or set PACT_BROKER_PASSWORD',
      ],
      [
        ['publish', pact.path, '--consumer-app-version', '1', '--broker-password', PASSWORD],
        { PACT_BROKER_BASE_URL: broker.url },
        'hookproof: a broker password needs a user name: pass --broker-username or set PACT_BROKER_USERNAME',
      ],
      [
        ['publish', pact.path, '--consumer-app-version', '1', '--broker-url', `ftp://ci:${PASSWORD}@127.0.0.1/`],
        {},
        'hookproof: the Pact Broker URL must be http:// or https://, got ftp://…',
      ],
      [
        ['publish', pact.path, '--consumer-app-version', '1', '--broker-url', `not a url ${TOKEN}`],
        {},
        'hookproof: the Pact Broker URL is not a valid URL (give it as https://broker.example.com)',
      ],
      [
        ['publish', pact.path, '--broker-url', broker.url, '--broker-token', TOKEN],
        {},
        'hookproof: --consumer-app-version is needed for pacts hookproof did not generate (no metadata.hookproof.specSha256)',
      ],
      [['publish', missing, '--consumer-app-version', '1', '--broker-url', broker.url], {}, `hookproof: cannot read ${missing}: ENOENT: no such file or directory`],
      [['publish', notPact, '--consumer-app-version', '1', '--broker-url', broker.url], {}, `hookproof: ${notPact} is not a pact file: it has no consumer.name and provider.name`],
      [['publish', '--consumer-app-version', '1', '--broker-url', broker.url], {}, "hookproof: missing required argument 'files'"],
    ];
    for (const [args, env, line] of cases) {
      const run = await pactCli(args, cleanEnv(env));
      expect({ args, code: run.code, stderr: run.stderr }).toEqual({ args, code: 2, stderr: [line] });
      expect(run.all).not.toContain(TOKEN);
      expect(run.all).not.toContain(PASSWORD);
    }
    expect(broker.requests).toEqual([]);
  });
});
