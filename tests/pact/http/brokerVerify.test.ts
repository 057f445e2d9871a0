import './support/esmShim';
import { memoryIO } from '../../../src/cli/memoryIO';
import { runCli } from '../../../src/cli/runCli';
import { defectiveReceiver, soundReceiver, type RunningReceiver } from '../../checks/support/receivers';
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
  let receivers: RunningReceiver[] = [];
  beforeEach(async () => {
    broker = await verificationBroker(pact, TOKEN);
  });
  afterEach(async () => {
    await Promise.all([broker.close(), ...receivers.map((r) => r.close())]);
    receivers = [];
  });

  async function verify(receiver: RunningReceiver, extra: string[] = []): Promise<{ code: number; out: string[]; err: string[] }> {
    const io = { ...memoryIO(), env: { MY_SECRET: SECRET, PACT_BROKER_TOKEN: TOKEN } };
    const args = ['pact', 'verify', '--url', receiver.url, '--secret-env', 'MY_SECRET', '--broker-url', broker.url, '--provider', pact.provider.name];
    const code = await runCli([...args, '--publish-results', '--provider-version', '1.4.2', '--provider-branch', 'main', ...extra], io);
    return { code, out: io.stdout, err: io.stderr };
  }

  it('fetches the pacts for verification, verifies them and publishes a success on the provider branch', async () => {
    const receiver = await soundReceiver([SECRET]);
    receivers.push(receiver);
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
    const receiver = await defectiveReceiver((_req, _body, res) => {
      res.writeHead(202).end();
      return true;
    }, [SECRET]);
    receivers.push(receiver);
    const run = await verify(receiver, ['--consumer-version-selector', '{"branch":"feat-x"}']);
    expect(run.code).toBe(1);
    const forVerification = broker.requests.find((r) => r.method === 'POST' && r.url.endsWith('/for-verification'));
    expect(JSON.parse(forVerification?.body ?? '{}')).toEqual(expect.objectContaining({ consumerVersionSelectors: [{ branch: 'feat-x' }] }));
    expect(broker.results()).toEqual([expect.objectContaining({ success: false, providerApplicationVersion: '1.4.2' })]);
  });
});
