import { closedPort } from '../../support/servers';
import { startFakeBroker, type FakeBroker } from '../support/fakeBroker';
import { cleanEnv, pactCli } from './support/cli';

const TOKEN = 'pactflow-token-c4n1d3pl0y';
const provider = { name: 'gridx-webhooks', version: '4.5.6' };

// `hookproof pact can-i-deploy` runs the real Pact CLI, which queries the fake broker's matrix.
describe('hookproof pact can-i-deploy', () => {
  let broker: FakeBroker;
  const ask = (version: string, ...more: string[]): Promise<Awaited<ReturnType<typeof pactCli>>> =>
    pactCli(
      ['can-i-deploy', '--pacticipant', 'acme-receiver', '--version', version, '--to-environment', 'production', ...more],
      cleanEnv({ PACT_BROKER_BASE_URL: broker.url, PACT_BROKER_TOKEN: TOKEN }),
    );

  beforeAll(async () => {
    broker = await startFakeBroker({
      token: TOKEN,
      matrix: [
        { pacticipant: 'acme-receiver', version: '1.2.3', environment: 'production', deployable: true, provider, verified: true },
        { pacticipant: 'acme-receiver', version: '1.2.4', environment: 'production', deployable: false, provider, verified: false },
        { pacticipant: 'acme-receiver', version: '1.2.5', environment: 'production', deployable: false, provider, verified: undefined },
      ],
    });
  });
  afterAll(() => broker.close());
  beforeEach(() => {
    (broker.requests as unknown[]).length = 0;
  });

  it('exits 0 when the matrix says deployable, after asking exactly the documented matrix query', async () => {
    const run = await ask('1.2.3');
    expect(run.stderr).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.stdout).toEqual([
      `can-i-deploy  acme-receiver 1.2.3 → production  (${broker.url}/)`,
      '  acme-receiver 1.2.3 → gridx-webhooks 4.5.6  verified',
      '  success: All required verification results are published and successful',
      'deployable: acme-receiver 1.2.3 can be deployed to production',
    ]);
    expect(broker.requests.map((r) => [r.method, r.path, r.query, r.headers.authorization])).toEqual([
      [
        'GET',
        '/matrix',
        [
          ['q[][pacticipant]', 'acme-receiver'],
          ['q[][version]', '1.2.3'],
          ['latestby', 'cvpv'],
          ['environment', 'production'],
        ],
        `Bearer ${TOKEN}`,
      ],
    ]);
    expect(run.all).not.toContain(TOKEN);
  });

  it('exits 1 when the matrix says not deployable, with the broker reason', async () => {
    const failed = await ask('1.2.4');
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain('  acme-receiver 1.2.4 → gridx-webhooks 4.5.6  verification FAILED');
    expect(failed.stdout.at(-1)).toBe('NOT deployable: acme-receiver 1.2.4 must not be deployed to production');
    const unverified = await ask('1.2.5');
    expect(unverified.code).toBe(1);
    expect(unverified.stdout).toContain('  acme-receiver 1.2.5 → gridx-webhooks 4.5.6  not verified yet');
    expect(unverified.stdout).toContain('  error: There is no verified pact between the version of acme-receiver and gridx-webhooks 4.5.6 in production');
  });

  it('exits 1 (fails closed) when the broker gives no answer: unknown pacticipant, refused token, nobody listening', async () => {
    const unknown = await pactCli(
      ['can-i-deploy', '--pacticipant', 'nobody', '--version', '1', '--to-environment', 'production'],
      cleanEnv({ PACT_BROKER_BASE_URL: broker.url, PACT_BROKER_TOKEN: TOKEN }),
    );
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('pact-cli  ❌ q: Pacticipant nobody not found');
    // The last line names the real cause in one line, as hookproof's own request for the matrix found it.
    expect(unknown.stderr.at(-1)).toBe(
      `no answer from the broker for nobody 1 → production: cannot ask the matrix about nobody 1: the broker answered 400: q: Pacticipant nobody not found (GET ${broker.url}/matrix?q[][pacticipant]=nobody&q[][version]=1&latestby=cvpv&environment=production); not deployable until it answers`,
    );

    const revoked = `${TOKEN}-revoked`;
    const refused = await pactCli(
      ['can-i-deploy', '--pacticipant', 'acme-receiver', '--version', '1.2.3', '--to-environment', 'production', '--broker-url', broker.url, '--broker-token', revoked],
      cleanEnv(),
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr.at(-1)).toMatch(
      /^no answer from the broker for acme-receiver 1\.2\.3 → production: cannot ask the matrix about acme-receiver 1\.2\.3: the broker answered 401: Unauthorized \(GET /,
    );
    expect(refused.all).not.toContain(revoked);

    const port = await closedPort();
    const nobody = await pactCli(
      ['can-i-deploy', '--pacticipant', 'acme-receiver', '--version', '1.2.3', '--to-environment', 'production', '--broker-url', `http://127.0.0.1:${port}`],
      cleanEnv(),
    );
    expect(nobody.code).toBe(1);
    expect(nobody.stderr.at(-1)).toMatch(
      /^no answer from the broker for acme-receiver 1\.2\.3 → production: cannot ask the matrix about acme-receiver 1\.2\.3: connection refused: /,
    );
  });

  it("reads --version as the pacticipant's version, not as the program's own --version", async () => {
    const run = await ask('1.2.4');
    expect(run.stdout).not.toContain('0.1.0');
    expect(broker.requests[0]?.query).toContainEqual(['q[][version]', '1.2.4']);
  });

  it('exits 2 with one line for missing options', async () => {
    const run = await pactCli(['can-i-deploy', '--pacticipant', 'acme-receiver', '--version', '1.2.3'], cleanEnv({ PACT_BROKER_BASE_URL: broker.url }));
    expect(run).toMatchObject({ code: 2, stderr: ["hookproof: required option '--to-environment <env>' not specified"] });
    const noUrl = await pactCli(['can-i-deploy', '--pacticipant', 'acme-receiver', '--version', '1.2.3', '--to-environment', 'production'], cleanEnv());
    expect(noUrl).toMatchObject({ code: 2, stderr: ['hookproof: no Pact Broker URL: pass --broker-url URL or set PACT_BROKER_BASE_URL'] });
    expect(broker.requests).toEqual([]);
  });
});
