import { spawn } from 'node:child_process';
import { BIN, ROOT } from '../../cli/paths';
import { startFakeBroker, type FakeBroker } from '../support/fakeBroker';
import { cleanEnv } from './support/cli';
import { writeReceiverPact } from './support/receiverPact';
import { closeAfterAll } from '../../support/servers';

const TOKEN = 'pactflow-token-b1nary';

/** Runs the real binary (bin/hookproof.js through tsx) in a child process, without blocking the fake broker. */
function hookproof(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

// `npx --no-install hookproof pact publish` and `pact can-i-deploy` as CI runs them: broker and token from the
// PACT_BROKER_* variables only.
describe('hookproof binary: pact publish and can-i-deploy', () => {
  const closing = closeAfterAll();
  let broker: FakeBroker;
  let pact: Awaited<ReturnType<typeof writeReceiverPact>>;

  beforeAll(async () => {
    pact = await writeReceiverPact();
    broker = await closing(
      startFakeBroker({
        token: TOKEN,
        matrix: [
          { pacticipant: 'acme-receiver', version: 'abc123', environment: 'production', deployable: true, provider: { name: 'gridx-webhooks', version: '9' }, verified: true },
        ],
      }),
    );
  });
  afterAll(() => {
    pact.cleanup();
  });

  it('publishes, then passes the gate, with the secret only in the environment', async () => {
    const env = cleanEnv({ PACT_BROKER_BASE_URL: broker.url, PACT_BROKER_TOKEN: TOKEN, HOOKPROOF_DEBUG: '' });
    const published = await hookproof(['pact', 'publish', pact.path, '--consumer-app-version', 'abc123', '--branch', 'main'], env);
    expect(published).toMatchObject({ code: 0, stderr: '' });
    expect(broker.publications.map((p) => [p.pacticipantName, p.pacticipantVersionNumber, p.branch])).toEqual([['acme-receiver', 'abc123', 'main']]);

    const gate = await hookproof(['pact', 'can-i-deploy', '--pacticipant', 'acme-receiver', '--version', 'abc123', '--to-environment', 'production'], env);
    expect(gate).toMatchObject({ code: 0, stderr: '' });
    expect(gate.stdout.trim().split('\n').at(-1)).toBe('deployable: acme-receiver abc123 can be deployed to production');
    expect(published.stdout + gate.stdout).not.toContain(TOKEN);
  });
});
