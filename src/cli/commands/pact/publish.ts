import { Option } from 'commander';
import { publishPacts, type PublishPactsOptions } from '../../../pact/broker/publishPacts';
import type { CommandRegistration } from '../../command';
import { exitCodeForOutcome, type ExitCode } from '../../exitCodes';
import type { CliIO } from '../../io';
import { collect } from '../../collect';
import { addPactCliBrokerOptions, brokerOptionsOf } from '../../options';

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

/** Registration of `pact publish`. */
export const publishCommand: CommandRegistration = {
  name: 'publish',
  define(command) {
    addPactCliBrokerOptions(
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
