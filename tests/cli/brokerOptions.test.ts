import { memoryIO } from '../../src/cli/memoryIO';
import { runCli } from '../../src/cli/runCli';

async function help(path: readonly string[]): Promise<string> {
  const io = memoryIO();
  expect(await runCli([...path, '--help'], io)).toBe(0);
  // Commander pads and wraps to the widest option: compare words, not layout.
  return io.stdout.join('\n').replace(/\s+/g, ' ');
}

const BROKER_OPTIONS = [
  '--broker-url <url> Pact Broker or PactFlow base URL (default $PACT_BROKER_BASE_URL)',
  '--broker-token <token> broker bearer token (default $PACT_BROKER_TOKEN)',
  '--broker-username <user> broker basic-auth user name (default $PACT_BROKER_USERNAME)',
  '--broker-password <password> broker basic-auth password (default $PACT_BROKER_PASSWORD)',
];
const PACT_CLI_COMMANDS = ['publish', 'can-i-deploy', 'record-deployment', 'record-release'];

describe('the broker options', () => {
  it.each([...PACT_CLI_COMMANDS, 'verify'])('pact %s lists them in the one shared wording', async (command) => {
    const text = await help(['pact', command]);
    for (const option of BROKER_OPTIONS) expect(text).toContain(option);
  });

  it.each(PACT_CLI_COMMANDS)('pact %s, which runs the Pact CLI, adds --broker-timeout', async (command) => {
    expect(await help(['pact', command])).toContain('--broker-timeout <seconds>');
  });

  it('pact verify bounds its exchanges with the broker too: --broker-timeout', async () => {
    expect(await help(['pact', 'verify'])).toContain('--broker-timeout <seconds>');
  });
});
