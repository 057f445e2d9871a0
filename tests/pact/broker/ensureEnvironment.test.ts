import { createServer } from 'node:http';
import { closeAfterEach, listen } from '../../support/servers';
import { startFakeBroker } from '../support/fakeBroker';
import { cleanEnv, pactCli } from './support/cli';

const TOKEN = 'env-token-9d8c7b6a';

// A fresh open-source broker has no environments: record-deployment then fails ("Environment …
// does not exist"). `pact ensure-environment` creates one unless it exists, through pb:environments.
describe('hookproof pact ensure-environment', () => {
  const closing = closeAfterEach();

  it('creates a missing environment once, and leaves an existing one alone', async () => {
    const broker = await closing(startFakeBroker({ token: TOKEN }));
    const env = cleanEnv({ PACT_BROKER_BASE_URL: broker.url, PACT_BROKER_TOKEN: TOKEN });
    const first = await pactCli(['ensure-environment', '--name', 'preview'], env);
    expect([first.code, first.stdout]).toEqual([0, [`environment preview created (${broker.url}/)`]]);
    const again = await pactCli(['ensure-environment', '--name', 'preview'], env);
    const production = await pactCli(['ensure-environment', '--name', 'production', '--production'], env);
    expect([again.stdout, production.stdout]).toEqual([[`environment preview exists (${broker.url}/)`], [`environment production exists (${broker.url}/)`]]);
    expect(broker.environments).toEqual(['preview']);
    const post = broker.requests.find((r) => r.method === 'POST');
    expect(JSON.parse(post?.body ?? '{}')).toEqual({ name: 'preview', displayName: 'preview', production: false });
    expect(first.all + again.all + production.all).not.toContain(TOKEN);
  });

  it('exits 1 with the broker reason when it refuses', async () => {
    const broker = await closing(listen(createServer((_req, res) => res.writeHead(403, { 'content-type': 'application/json' }).end('{"error":"read-only token"}'))));
    const run = await pactCli(['ensure-environment', '--name', 'production'], cleanEnv({ PACT_BROKER_BASE_URL: broker.origin, PACT_BROKER_TOKEN: TOKEN }));
    expect([run.code, run.stderr]).toEqual([1, [`hookproof: cannot read the broker index: the broker answered 403: read-only token (GET ${broker.origin}/)`]]);
  });
});
