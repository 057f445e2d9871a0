import { Option } from 'commander';
import { publishPacts, type PublishPactsOptions } from '../../../pact/broker/publishPacts';
import type { CommandRegistration } from '../../command';
import { EXIT, type ExitCode } from '../../exitCodes';
import type { CliIO } from '../../io';
import { collect } from '../../collect';
import { addPactCliBrokerOptions, brokerOptionsOf } from '../../options';

/** Typed options of `pact publish`. */
export type PublishCommandOptions = PublishPactsOptions;

/**
 * `hookproof pact publish FILES`: publishes pacts, their exact bytes, through the broker's HAL API.
 * Exit 0 when published (and, with --check-roundtrip, the broker's copy is the contract); the
 * broker's refusals, failures and a contract that would not survive throw BrokerError or
 * ContractNotPortableError (exit 1); bad options and files that are not pacts exit 2.
 */
export async function runPublish(options: PublishCommandOptions, io: CliIO): Promise<ExitCode> {
  const result = await publishPacts(options, io.env ?? process.env);
  for (const pact of result.pacts) io.out(`pact      ${pact.consumer} → ${pact.provider}  ${pact.path}`);
  for (const line of result.output) io.out(`broker    ${line}`);
  const labels = [
    options.branch !== undefined ? `branch ${options.branch}` : '',
    (options.tags ?? []).length > 0 ? `tags ${(options.tags ?? []).join(', ')}` : '',
    result.contentNamed ? 'version named by spec and content' : '',
  ].filter((l) => l !== '');
  io.out(`published ${result.pacts.length} pact(s) as ${result.version}${labels.length > 0 ? ` (${labels.join('; ')})` : ''} to ${result.broker}`);
  if (result.roundtrip === 'unchanged') io.out("roundtrip the broker's copy of every pact has every interaction unchanged: bodies byte for byte, headers, signatures");
  return EXIT.pass;
}

/** Registration of `pact publish`. */
export const publishCommand: CommandRegistration = {
  name: 'publish',
  define(command) {
    addPactCliBrokerOptions(
      command
        .description("publish pact files, their exact bytes, to a Pact Broker or PactFlow (the broker's pb:publish-contracts)")
        .argument('<files...>', 'pact files, e.g. pacts/*.json, or directories (every pact in them)')
        .option('--consumer-app-version <version>', "the consumer's version (default for hookproof's contracts: <spec sha256 prefix>+<contract sha256 prefix>)")
        .option('--branch <branch>', "the consumer's git branch (recommended)")
        .addOption(new Option('--tag <tag>', 'consumer version tag; repeat for several').argParser(collect))
        .option('--build-url <url>', 'the CI build that produced the pacts, shown by the broker')
        .option('--check-roundtrip', "then fetch the broker's copy and check every interaction survived unchanged (exit 1 if not)"),
    ).addHelpText('after', '\nExit 0 when published, 1 when the broker refused or failed or a contract would not survive it, 2 for bad options or files.');
  },
  run(parsed, io) {
    const o = parsed.opts<{ consumerAppVersion?: string; branch?: string; tag?: string[]; buildUrl?: string; checkRoundtrip?: boolean }>();
    return runPublish(
      {
        files: parsed.args,
        ...(o.consumerAppVersion !== undefined ? { consumerAppVersion: o.consumerAppVersion } : {}),
        ...(o.branch !== undefined ? { branch: o.branch } : {}),
        ...(o.tag !== undefined ? { tags: o.tag } : {}),
        ...(o.buildUrl !== undefined ? { buildUrl: o.buildUrl } : {}),
        ...(o.checkRoundtrip === true ? { checkRoundtrip: true } : {}),
        ...brokerOptionsOf(parsed),
      },
      io,
    );
  },
};
