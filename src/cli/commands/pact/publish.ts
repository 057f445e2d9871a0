import { Option, type Command } from 'commander';
import type { BrokerOptions } from '../../../pact/broker/brokerConnection';
import { publishPacts, type PublishPactsOptions } from '../../../pact/broker/publishPacts';
import type { CommandRegistration } from '../../command';
import { exitCodeForOutcome, type ExitCode } from '../../exitCodes';
import type { CliIO } from '../../io';
import { numberOption } from '../../numberOption';
import { collect } from '../../collect';
import { BROKER_TIMEOUT_MS } from '../../../pact/broker/runPactCli';

/** Typed options of `pact publish`. */
export type PublishCommandOptions = PublishPactsOptions;

/**
 * `hookproof pact publish FILES --consumer-app-version V`: publishes pacts to a Pact Broker with the
 * real Pact CLI. Exit 0 when published, 1 when the broker or the CLI refused; bad options, files
 * that are not pacts and a missing broker URL throw (exit 2). No secret is ever printed.
 */
export async function runPublish(options: PublishCommandOptions, io: CliIO): Promise<ExitCode> {
  const result = await publishPacts(options, io.env ?? process.env);
  for (const pact of result.pacts) io.out(`pact      ${pact.consumer} → ${pact.provider}  ${pact.path}`);
  for (const line of result.output) (result.published ? io.out : io.err)(`pact-cli  ${line}`);
  const labels = [options.branch !== undefined ? `branch ${options.branch}` : '', (options.tags ?? []).length > 0 ? `tags ${(options.tags ?? []).join(', ')}` : ''].filter(
    (l) => l !== '',
  );
  const what = `${result.pacts.length} pact(s) as ${options.consumerAppVersion}${labels.length > 0 ? ` (${labels.join('; ')})` : ''} to ${result.broker}`;
  if (result.published) io.out(`published ${what}`);
  else io.err(`not published: ${what} failed (the Pact CLI exited with ${result.exitCode})`);
  return exitCodeForOutcome(!result.published);
}

const BROKER_HELP = `
The broker and credentials default to PACT_BROKER_BASE_URL, PACT_BROKER_TOKEN, PACT_BROKER_USERNAME
and PACT_BROKER_PASSWORD; prefer those variables for secrets (options show in the process list).
Secrets reach the Pact CLI only through its environment and are redacted from everything printed.
A broker that does not answer within --broker-timeout seconds (default ${BROKER_TIMEOUT_MS / 1000}) stops the Pact CLI:
the command fails (a gate fails closed).`;

/** Adds the broker options shared by `pact publish`, `can-i-deploy`, `record-deployment` and `record-release`. */
export function addBrokerOptions(command: Command): Command {
  return command
    .option('--broker-url <url>', 'Pact Broker or PactFlow base URL (default $PACT_BROKER_BASE_URL)')
    .option('--broker-token <token>', 'bearer token (default $PACT_BROKER_TOKEN)')
    .option('--broker-username <user>', 'basic-auth user name (default $PACT_BROKER_USERNAME)')
    .option('--broker-password <password>', 'basic-auth password (default $PACT_BROKER_PASSWORD)')
    .addOption(numberOption('--broker-timeout', 'seconds', `give up on the broker after this long (default ${BROKER_TIMEOUT_MS / 1000})`))
    .addHelpText('after', BROKER_HELP);
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

/** Registration of `pact publish`. */
export const publishCommand: CommandRegistration = {
  name: 'publish',
  define(command) {
    addBrokerOptions(
      command
        .description('publish pact files to a Pact Broker or PactFlow (runs the Pact CLI: pact broker publish)')
        .argument('<files...>', 'pact files, e.g. pacts/*.json, or directories (every pact in them)')
        .requiredOption('--consumer-app-version <version>', "the consumer's version, ideally the git SHA")
        .option('--branch <branch>', "the consumer's git branch (recommended)")
        .addOption(new Option('--tag <tag>', 'consumer version tag; repeat for several').argParser(collect))
        .option('--build-url <url>', 'the CI build that produced the pacts, shown by the broker'),
    ).addHelpText('after', '\nExit 0 when published, 1 when the broker refused, 2 for bad options or files.');
  },
  run(parsed, io) {
    const o = parsed.opts<{ consumerAppVersion: string; branch?: string; tag?: string[]; buildUrl?: string }>();
    return runPublish(
      {
        files: parsed.args,
        consumerAppVersion: o.consumerAppVersion,
        ...(o.branch !== undefined ? { branch: o.branch } : {}),
        ...(o.tag !== undefined ? { tags: o.tag } : {}),
        ...(o.buildUrl !== undefined ? { buildUrl: o.buildUrl } : {}),
        ...brokerOptionsOf(parsed),
      },
      io,
    );
  },
};
