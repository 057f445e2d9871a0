import './support/esmShim';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { memoryIO } from '../../../src/cli/memoryIO';
import { runCli } from '../../../src/cli/runCli';
import { signatureIgnoringReceiver, soundReceiver } from '../../checks/support/receivers';
import { closeAfterEach, closedPort, listen, type RunningReceiver } from '../../support/servers';
import { leakedForms } from '../../reports/support/secret';
import { testPact } from './support/pacts';
import { verificationBroker, type VerificationBroker } from './support/verificationBroker';

const SECRET = 'broker-verify-secret-9';
const TOKEN = 'broker-Token-3f9a';

describe('hookproof pact verify --broker-url … --publish-results', () => {
  it('refuses a consumer version selector that is not a JSON object', async () => {
    const io = { ...memoryIO(), env: { MY_SECRET: SECRET } };
    const args = ['pact', 'verify', '--url', 'http://127.0.0.1:9', '--secret-env', 'MY_SECRET', '--broker-url', 'http://127.0.0.1:9', '--provider', 'p'];
    expect(await runCli([...args, '--consumer-version-selector', 'main'], io)).toBe(2);
    expect(io.stderr).toEqual([`hookproof: --consumer-version-selector must be a JSON object such as '{"mainBranch":true}', got main`]);
  });

  const pact = testPact({ types: ['ping'] });
  let broker: VerificationBroker;
  const closing = closeAfterEach();
  beforeEach(async () => {
    broker = await closing(verificationBroker(pact, TOKEN));
  });

  async function verify(receiver: RunningReceiver, extra: string[] = []): Promise<{ code: number; out: string[]; err: string[] }> {
    const io = { ...memoryIO(), env: { MY_SECRET: SECRET, PACT_BROKER_TOKEN: TOKEN } };
    const args = ['pact', 'verify', '--url', receiver.url, '--secret-env', 'MY_SECRET', '--broker-url', broker.url, '--provider', pact.provider.name];
    const code = await runCli([...args, '--publish-results', '--provider-version', '1.4.2', '--provider-branch', 'main', ...extra], io);
    return { code, out: io.stdout, err: io.stderr };
  }

  it('fetches the pacts for verification, verifies them and publishes a success on the provider branch', async () => {
    const receiver = await closing(soundReceiver([SECRET]));
    const run = await verify(receiver);
    expect([run.code, run.err, run.out.at(-1)]).toEqual([0, [], `pact verify: ${pact.interactions.length} interactions, 0 failed`]);
    const forVerification = broker.requests.find((r) => r.method === 'POST' && r.url.endsWith('/for-verification'));
    expect(JSON.parse(forVerification?.body ?? '{}')).toEqual(
      expect.objectContaining({ consumerVersionSelectors: [{ mainBranch: true }, { deployedOrReleased: true }], providerVersionBranch: 'main' }),
    );
    expect(broker.requests.some((r) => r.method === 'PUT' && r.url === '/pacticipants/test-receiver/branches/main/versions/1.4.2')).toBe(true);
    expect(broker.results()).toEqual([expect.objectContaining({ success: true, providerApplicationVersion: '1.4.2' })]);
    expect(broker.requests.every((r) => r.headers.authorization === `Bearer ${TOKEN}`)).toBe(true);
    expect(leakedForms(run.out.join('\n'), TOKEN)).toEqual([]);
  });

  it('publishes a failure for a receiver that ignores signatures, and exits 1', async () => {
    const receiver = await closing(signatureIgnoringReceiver());
    const run = await verify(receiver, ['--consumer-version-selector', '{"branch":"feat-x"}']);
    expect(run.code).toBe(1);
    const forVerification = broker.requests.find((r) => r.method === 'POST' && r.url.endsWith('/for-verification'));
    expect(JSON.parse(forVerification?.body ?? '{}')).toEqual(expect.objectContaining({ consumerVersionSelectors: [{ branch: 'feat-x' }] }));
    expect(broker.results()).toEqual([expect.objectContaining({ success: false, providerApplicationVersion: '1.4.2' })]);
  });

  it('sends the provider branch, pending, WIP and tags when fetching, the build URL with the result, and honours PACT_BROKER_PUBLISH_VERIFICATION_RESULTS', async () => {
    const receiver = await closing(soundReceiver([SECRET]));
    const io = { ...memoryIO(), env: { MY_SECRET: SECRET, PACT_BROKER_TOKEN: TOKEN, PACT_BROKER_PUBLISH_VERIFICATION_RESULTS: 'true' } };
    const args = ['pact', 'verify', '--url', receiver.url, '--secret-env', 'MY_SECRET', '--broker-url', broker.url, '--provider', pact.provider.name];
    const extra = ['--provider-version', '2.0.0', '--provider-branch', 'feat-x', '--enable-pending', '--include-wip-pacts-since', '2026-01-31', '--provider-tags', 'prod,eu'];
    const code = await runCli([...args, ...extra, '--build-url', 'https://ci.example/builds/42', '--consumer-version-selector', '{"matchingBranch":true}'], io);
    expect([code, io.stderr]).toEqual([0, []]);
    const forVerification = broker.requests.find((r) => r.method === 'POST' && r.url.endsWith('/for-verification'));
    expect(JSON.parse(forVerification?.body ?? '{}')).toEqual(
      expect.objectContaining({
        consumerVersionSelectors: [{ matchingBranch: true }],
        providerVersionBranch: 'feat-x',
        includePendingStatus: true,
        includeWipPactsSince: '2026-01-31',
        providerVersionTags: ['prod', 'eu'],
      }),
    );
    // Published without --publish-results, because the variable says so; with the build URL.
    expect(broker.results()).toEqual([expect.objectContaining({ success: true, providerApplicationVersion: '2.0.0', buildUrl: 'https://ci.example/builds/42' })]);
    const puts = broker.requests.filter((r) => r.method === 'PUT').map((r) => r.url);
    expect(puts).toEqual(
      expect.arrayContaining([
        '/pacticipants/test-receiver/branches/feat-x/versions/2.0.0',
        '/pacticipants/test-receiver/versions/2.0.0/tags/prod',
        '/pacticipants/test-receiver/versions/2.0.0/tags/eu',
      ]),
    );
  });
});

describe('hookproof pact verify --enable-pending, on a pending pact', () => {
  const closing = closeAfterEach();

  it('prints the failures labelled PENDING with their reasons, and does not fail the run', async () => {
    const pact = testPact({ types: ['ping'] });
    const broker = await closing(verificationBroker(pact, TOKEN, { pending: true }));
    const receiver = await closing(signatureIgnoringReceiver());
    const io = { ...memoryIO(), env: { MY_SECRET: SECRET, PACT_BROKER_TOKEN: TOKEN } };
    const args = ['pact', 'verify', '--url', receiver.url, '--secret-env', 'MY_SECRET', '--broker-url', broker.url, '--provider', pact.provider.name, '--enable-pending'];
    const code = await runCli(args, io);
    expect([code, io.stderr]).toEqual([0, []]);
    const pending = io.stdout.filter((l) => l.startsWith('PENDING '));
    expect(pending.map((l) => l.split(' ')[1])).toEqual(['SIG-2', 'SIG-3', 'SIG-4', 'SIG-12']);
    expect(pending.every((l) => l.endsWith(': expected 401 but was 202'))).toBe(true);
    expect(io.stdout.filter((l) => l.startsWith('FAIL'))).toEqual([]);
    expect(io.stdout.at(-1)).toBe(`pact verify: ${pact.interactions.length} interactions, 0 failed, 4 pending`);
  });
});

describe('hookproof pact verify --broker-url: bounded, honest broker I/O', () => {
  const closing = closeAfterEach();
  const pact = testPact({ types: ['ping'] });

  async function verifyAgainst(brokerUrl: string, extra: string[] = []): Promise<{ code: number; out: string[]; err: string[] }> {
    const receiver = await closing(soundReceiver([SECRET]));
    const io = { ...memoryIO(), env: { MY_SECRET: SECRET, PACT_BROKER_TOKEN: TOKEN } };
    const args = ['pact', 'verify', '--url', receiver.url, '--secret-env', 'MY_SECRET', '--broker-url', brokerUrl, '--provider', pact.provider.name, ...extra];
    const code = await runCli(args, io);
    expect(leakedForms([...io.stdout, ...io.stderr].join('\n'), TOKEN)).toEqual([]);
    expect(receiver.hits()).toBe(0);
    return { code, out: io.stdout, err: io.stderr };
  }

  it('a broker that never answers: exit 1 at the --broker-timeout deadline, saying so', async () => {
    const silent = await closing(listen(createNetServer(() => undefined)));
    const run = await verifyAgainst(silent.origin, ['--broker-timeout', '2']);
    expect([run.code, run.err]).toEqual([
      1,
      [`hookproof: cannot read the broker index: no answer within the broker deadline of 2 s (raise it with --broker-timeout) (GET ${silent.origin}/)`],
    ]);
  });

  it('a refused port and a 500: exit 1 naming each', async () => {
    const port = await closedPort();
    const refused = await verifyAgainst(`http://127.0.0.1:${port}`);
    expect(refused.code).toBe(1);
    expect(refused.err).toEqual([expect.stringMatching(/^hookproof: cannot read the broker index: connection refused: nothing listens there/)]);
    const failing = await closing(listen(createHttpServer((_req, res) => res.writeHead(500, { 'content-type': 'application/json' }).end('{"error":"database is down"}'))));
    const broken = await verifyAgainst(failing.origin);
    expect([broken.code, broken.err]).toEqual([1, [`hookproof: cannot read the broker index: the broker answered 500: database is down (GET ${failing.origin}/)`]]);
  });

  it('results the broker refuses: exit 1 with its reason, after verifying', async () => {
    const broker = await closing(verificationBroker(pact, TOKEN, { refuseResults: { status: 403, error: 'this token may not publish verification results' } }));
    const receiver = await closing(soundReceiver([SECRET]));
    const io = { ...memoryIO(), env: { MY_SECRET: SECRET, PACT_BROKER_TOKEN: TOKEN } };
    const args = ['pact', 'verify', '--url', receiver.url, '--secret-env', 'MY_SECRET', '--broker-url', broker.url, '--provider', pact.provider.name];
    const code = await runCli([...args, '--publish-results', '--provider-version', '1.0.0'], io);
    expect(code).toBe(1);
    expect(io.stderr).toEqual([
      expect.stringMatching(/^hookproof: cannot publish the verification result: the broker answered 403: this token may not publish verification results \(POST /),
    ]);
    expect(receiver.hits()).toBe(pact.interactions.length);
  });
});
