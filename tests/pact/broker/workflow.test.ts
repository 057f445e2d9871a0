import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BROKER_TIMEOUT_MS } from '../../../src/pact/broker';
import { closeAfterAll, closedPort, listen } from '../../support/servers';
import { startFakeBroker, type FakeBroker } from '../support/fakeBroker';
import { cleanEnv, pactCli } from './support/cli';
import { writeReceiverPact } from './support/receiverPact';

const TOKEN = 'pactflow-token-w0rkfl0w';
const provider = { name: 'gridx-webhooks', version: '4.5.6' };

// The broker workflow the Pact way, with the real Rust Pact CLI against the broker stand-in:
// deployments and releases recorded, can-i-deploy retried while unknown and in dry-run mode,
// directories published with a build URL, and a gate that fails closed in bounded time.
describe('the broker workflow', () => {
  const closing = closeAfterAll();
  let broker: FakeBroker;
  const env = (): Record<string, string> => cleanEnv({ PACT_BROKER_BASE_URL: broker.url, PACT_BROKER_TOKEN: TOKEN });

  beforeAll(async () => {
    broker = await closing(
      startFakeBroker({
        token: TOKEN,
        versions: [
          { pacticipant: 'acme-receiver', version: '1.2.3' },
          { pacticipant: 'gridx-webhooks', version: 'spec-0123abcd' },
        ],
        matrix: [
          { pacticipant: 'acme-receiver', version: '1.2.4', environment: 'production', deployable: false, provider, verified: false },
          { pacticipant: 'acme-receiver', version: '1.2.5', environment: 'production', deployable: false, provider, verified: undefined },
        ],
      }),
    );
  });
  beforeEach(() => {
    (broker.requests as unknown[]).length = 0;
    (broker.deployments as unknown[]).length = 0;
    (broker.publications as unknown[]).length = 0;
  });

  it('records a deployment (with its application instance) and a release, posting to the environment the version links to', async () => {
    const deployed = await pactCli(
      ['record-deployment', '--pacticipant', 'acme-receiver', '--version', '1.2.3', '--environment', 'production', '--application-instance', 'blue'],
      env(),
    );
    expect([deployed.code, deployed.stderr]).toEqual([0, []]);
    expect(deployed.stdout.at(-1)).toBe(`recorded deployment of acme-receiver 1.2.3 to production (${broker.url}/)`);
    const released = await pactCli(['record-release', '--pacticipant', 'gridx-webhooks', '--version', 'spec-0123abcd', '--environment', 'staging'], env());
    expect([released.code, released.stderr]).toEqual([0, []]);
    expect(broker.deployments).toEqual([
      { kind: 'deployment', pacticipant: 'acme-receiver', version: '1.2.3', environment: 'production', body: { applicationInstance: 'blue', target: 'blue' } },
      { kind: 'release', pacticipant: 'gridx-webhooks', version: 'spec-0123abcd', environment: 'staging', body: {} },
    ]);
    expect(broker.requests.every((r) => r.headers.authorization === `Bearer ${TOKEN}`)).toBe(true);
    expect(deployed.all + released.all).not.toContain(TOKEN);
  });

  it('exits 1 when the environment does not exist, and 2 for an application instance on a release', async () => {
    const unknown = await pactCli(['record-deployment', '--pacticipant', 'acme-receiver', '--version', '1.2.3', '--environment', 'moon'], env());
    expect(unknown.code).toBe(1);
    // The broker knows the version: the cause is the Pact CLI's own message.
    expect(unknown.stderr.at(-1)).toMatch(new RegExp(`^not recorded: deployment of acme-receiver 1\\.2\\.3 to moon \\(${broker.url}/\\): .*moon`));
    expect(broker.deployments).toEqual([]);
    const bad = await pactCli(['record-release', '--pacticipant', 'a', '--version', '1', '--environment', 'production', '--application-instance', 'x'], env());
    expect(bad.code).toBe(2);
    expect(bad.stderr).toHaveLength(1);
  });

  it('exits 1 naming the real cause in one line, never the token: a version the broker does not know, a refused token', async () => {
    const unknown = await pactCli(['record-deployment', '--pacticipant', 'acme-receiver', '--version', '9.9.9', '--environment', 'production'], env());
    expect([unknown.code, unknown.stderr.at(-1)]).toEqual([
      1,
      `not recorded: deployment of acme-receiver 9.9.9 to production (${broker.url}/): cannot find version 9.9.9 of acme-receiver: the broker answered 404: no resource at /pacticipants/acme-receiver/versions/9.9.9 (GET ${broker.url}/pacticipants/acme-receiver/versions/9.9.9)`,
    ]);
    const revoked = `${TOKEN}-revoked`;
    const refused = await pactCli(['record-release', '--pacticipant', 'acme-receiver', '--version', '1.2.3', '--environment', 'production'], {
      ...env(),
      PACT_BROKER_TOKEN: revoked,
    });
    expect([refused.code, refused.stderr.at(-1)]).toEqual([
      1,
      `not recorded: release of acme-receiver 1.2.3 to production (${broker.url}/): cannot find version 1.2.3 of acme-receiver: the broker answered 401: Unauthorized (GET ${broker.url}/pacticipants/acme-receiver/versions/1.2.3)`,
    ]);
    expect(unknown.all + refused.all).not.toContain(TOKEN);
    expect(broker.deployments).toEqual([]);
  });

  it('can-i-deploy --retry-while-unknown asks again while the verification result is unknown, then fails closed', async () => {
    const run = await pactCli(
      ['can-i-deploy', '--pacticipant', 'acme-receiver', '--version', '1.2.5', '--to-environment', 'production', '--retry-while-unknown', '2', '--retry-interval', '1'],
      env(),
    );
    expect(run.code).toBe(1);
    expect(broker.requests.filter((r) => r.path === '/matrix')).toHaveLength(3);
    // A known failure is not retried.
    (broker.requests as unknown[]).length = 0;
    await pactCli(
      ['can-i-deploy', '--pacticipant', 'acme-receiver', '--version', '1.2.4', '--to-environment', 'production', '--retry-while-unknown', '2', '--retry-interval', '1'],
      env(),
    );
    expect(broker.requests.filter((r) => r.path === '/matrix')).toHaveLength(1);
  });

  it('can-i-deploy --dry-run (or PACT_BROKER_CAN_I_DEPLOY_DRY_RUN=true) reports "not deployable" and exits 0', async () => {
    const ask = ['can-i-deploy', '--pacticipant', 'acme-receiver', '--version', '1.2.4', '--to-environment', 'production'];
    const flag = await pactCli([...ask, '--dry-run'], env());
    expect(flag.code).toBe(0);
    expect(flag.stdout.slice(-2)).toEqual(['NOT deployable: acme-receiver 1.2.4 must not be deployed to production', 'dry run: exit 0 anyway']);
    const variable = await pactCli(ask, { ...env(), PACT_BROKER_CAN_I_DEPLOY_DRY_RUN: 'true' });
    expect(variable.code).toBe(0);
    const real = await pactCli(ask, env());
    expect(real.code).toBe(1);
  });

  it('publishes every pact of a directory, with the build URL', async () => {
    const pact = await writeReceiverPact();
    try {
      const dir = mkdtempSync(join(tmpdir(), 'hookproof-publish-dir-'));
      copyFileSync(pact.path, join(dir, 'a.json'));
      const second = JSON.parse(readFileSync(pact.path, 'utf8')) as { provider: { name: string } };
      second.provider.name = 'gridx-webhooks-staging';
      writeFileSync(join(dir, 'b.json'), JSON.stringify(second));
      const run = await pactCli(['publish', dir, '--consumer-app-version', '1.2.3', '--branch', 'main', '--build-url', 'https://ci.example/builds/7'], env());
      expect([run.code, run.stderr]).toEqual([0, []]);
      // One publication: one consumer version, every contract of the directory in name order.
      const publications = broker.publications.map((p) => [p.pacticipantVersionNumber, p.branch, p.buildUrl, p.contracts.map((c) => c.providerName)]);
      expect(publications).toEqual([['1.2.3', 'main', 'https://ci.example/builds/7', ['gridx-webhooks', 'gridx-webhooks-staging']]]);
      const empty = mkdtempSync(join(tmpdir(), 'hookproof-publish-empty-'));
      const none = await pactCli(['publish', empty, '--consumer-app-version', '1'], env());
      expect([none.code, none.stderr]).toEqual([2, [`hookproof: ${empty} is a directory with no pact files (*.json) in it`]]);
    } finally {
      pact.cleanup();
    }
  });
});

describe('a deployment gate fails closed in bounded time', () => {
  it(`defaults to a ${BROKER_TIMEOUT_MS / 1000} s broker deadline`, () => {
    expect(BROKER_TIMEOUT_MS).toBe(30_000);
  });

  // The Pact CLI's own retries are left on (no PACT_BROKER_HTTP_RETRIES=0): the deadline alone bounds the run.
  const gateEnv = (url: string): Record<string, string> => {
    const env = cleanEnv({ PACT_BROKER_BASE_URL: url });
    delete env.PACT_BROKER_HTTP_RETRIES;
    return env;
  };
  const ask = ['can-i-deploy', '--pacticipant', 'acme-receiver', '--version', '1.2.3', '--to-environment', 'production', '--broker-timeout', '3'];

  it('a refused port: exit 1 well before the Pact CLI would give up by itself (65 s)', async () => {
    const port = await closedPort();
    const started = Date.now();
    const run = await pactCli(ask, gateEnv(`http://127.0.0.1:${port}`));
    expect(run.code).toBe(1);
    expect(Date.now() - started).toBeLessThan(45_000);
    // The Pact CLI, retrying, says nothing before the deadline; hookproof's own request names the cause.
    expect(run.stderr.at(-1)).toMatch(
      /^no answer from the broker for acme-receiver 1\.2\.3 → production: cannot ask the matrix about acme-receiver 1\.2\.3: connection refused: .*; not deployable until it answers$/,
    );
  });

  it('a broker that accepts the connection but never answers: exit 1, bounded by --broker-timeout', async () => {
    const silent = await listen(createServer(() => undefined)); // reads nothing, answers nothing
    try {
      const started = Date.now();
      const run = await pactCli(ask, gateEnv(silent.origin));
      expect(run.code).toBe(1);
      expect(Date.now() - started).toBeLessThan(45_000);
      expect(run.stderr.at(-1)).toMatch(
        /^no answer from the broker for acme-receiver 1\.2\.3 → production: cannot ask the matrix about acme-receiver 1\.2\.3: no answer within the broker deadline of 3 s .*\(GET .*\); not deployable until it answers$/,
      );
    } finally {
      await silent.close();
    }
  });
});
