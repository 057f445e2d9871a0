import { Option, type Command } from 'commander';
import type { BrokerOptions } from '../pact/broker/brokerConnection';
import { BROKER_TIMEOUT_MS } from '../pact/broker/runPactCli';
import { checkEnvName } from '../redaction/envSecret';
import { DEFAULT_SPEC_PATH } from '../spec/defaultSpecPath';
import { collect, collectChecked } from './collect';
import { numberOption } from './numberOption';

/** `--spec FILE`, defaulting to the bundled spec; the program adds it to the commands that read a spec. */
export function specOption(): Option {
  return new Option('--spec <file>', 'OpenAPI spec to read (YAML or JSON)').default(DEFAULT_SPEC_PATH, 'the bundled spec/webhook-events.yaml');
}

/** `--json`: print the result as one JSON document instead of lines. */
export function jsonOption(): Option {
  return new Option('--json', 'print the result as JSON');
}

const SECRET_ENV_HELP = 'read a secret from this environment variable (repeatable)';

/**
 * `--secret VALUE` and `--secret-env NAME`, both repeatable (a rotation has several secrets), read
 * back with `secretSourcesOf`. `secretHelp` says what the secret is for in this command. A
 * `--secret-env` that is not a variable's name is refused as it is parsed (see `checkEnvName`).
 */
export function addSecretOptions(command: Command, secretHelp: string, secretEnvHelp = SECRET_ENV_HELP): Command {
  return command
    .addOption(new Option('--secret <value>', secretHelp).argParser(collect))
    .addOption(new Option('--secret-env <name>', secretEnvHelp).argParser(collectChecked((value) => checkEnvName(value, '--secret-env'))));
}

/**
 * `--sign-key-env NAME`: the environment variable holding the Ed25519 PEM private key that signs
 * reports. Checked as it is parsed, before the command reads anything: a PEM pasted where the
 * name belongs is refused without being printed.
 */
export function signKeyEnvOption(description: string): Option {
  return new Option('--sign-key-env <name>', description).argParser((value: string) => checkEnvName(value, '--sign-key-env'));
}

/** `--port N` (0 picks a free port) and `--host HOST`, for the commands that listen (loopback and 8080 by default). */
export function addListenAddressOptions(command: Command): Command {
  return command.addOption(numberOption('--port', 'n', 'port to listen on (0 picks a free one)', '8080')).option('--host <host>', 'address to listen on', '127.0.0.1');
}

/** `--report-dir DIR`: where a command writes its reports (`defaultDir` unless given; none when absent). */
export function reportDirOption(description: string, defaultDir?: string): Option {
  const option = new Option('--report-dir <dir>', description);
  return defaultDir === undefined ? option : option.default(defaultDir);
}

/** `--broker-url` and its credentials, for every command that talks to a Pact Broker; unset ones come from the PACT_BROKER_* variables. */
export function addBrokerOptions(command: Command): Command {
  return command
    .option('--broker-url <url>', 'Pact Broker or PactFlow base URL (default $PACT_BROKER_BASE_URL)')
    .option('--broker-token <token>', 'broker bearer token (default $PACT_BROKER_TOKEN)')
    .option('--broker-username <user>', 'broker basic-auth user name (default $PACT_BROKER_USERNAME)')
    .option('--broker-password <password>', 'broker basic-auth password (default $PACT_BROKER_PASSWORD)');
}

const PACT_CLI_BROKER_HELP = `
The broker and credentials default to PACT_BROKER_BASE_URL, PACT_BROKER_TOKEN, PACT_BROKER_USERNAME
and PACT_BROKER_PASSWORD; prefer those variables for secrets (options show in the process list).
Secrets travel in the Authorization header (or the Pact CLI's environment) only and are redacted
from everything printed. A broker that does not answer within --broker-timeout seconds (default ${BROKER_TIMEOUT_MS / 1000})
fails the command (a gate fails closed).`;

/**
 * The broker options plus `--broker-timeout`, for the broker commands (`pact publish`,
 * `can-i-deploy`, `record-deployment`, `record-release`, `ensure-environment`), read back with
 * {@link brokerOptionsOf}.
 */
export function addPactCliBrokerOptions(command: Command): Command {
  return addBrokerOptions(command)
    .addOption(numberOption('--broker-timeout', 'seconds', `give up on the broker after this long (default ${BROKER_TIMEOUT_MS / 1000})`))
    .addHelpText('after', PACT_CLI_BROKER_HELP);
}

/** The broker options as commander parsed them; the library fills the gaps from the environment. */
export function brokerOptionsOf(parsed: Command): BrokerOptions {
  const o = parsed.opts<{ brokerUrl?: string; brokerToken?: string; brokerUsername?: string; brokerPassword?: string; brokerTimeout?: number }>();
  return {
    ...(o.brokerTimeout !== undefined ? { brokerTimeoutMs: o.brokerTimeout * 1000 } : {}),
    ...(o.brokerUrl !== undefined ? { brokerUrl: o.brokerUrl } : {}),
    ...(o.brokerToken !== undefined ? { brokerToken: o.brokerToken } : {}),
    ...(o.brokerUsername !== undefined ? { brokerUsername: o.brokerUsername } : {}),
    ...(o.brokerPassword !== undefined ? { brokerPassword: o.brokerPassword } : {}),
  };
}
