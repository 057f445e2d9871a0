import { canIDeploy, type CanIDeployOptions } from '../../../pact/broker/canIDeploy';
import type { CommandRegistration } from '../../command';
import { exitCodeForOutcome, type ExitCode } from '../../exitCodes';
import type { CliIO } from '../../io';
import { numberOption } from '../../numberOption';
import { addPactCliBrokerOptions, brokerOptionsOf } from '../../options';

/** Typed options of `pact can-i-deploy`. */
export type CanIDeployCommandOptions = CanIDeployOptions;

/**
 * `hookproof pact can-i-deploy --pacticipant P --version V --to-environment E`: asks the broker,
 * with the real Pact CLI, whether the version is safe to deploy. Exit 0 when it is, 1 when it is not
 * or the broker gave no answer (a gate fails closed); bad options throw (exit 2).
 */
export async function runCanIDeploy(options: CanIDeployCommandOptions, io: CliIO): Promise<ExitCode> {
  const result = await canIDeploy(options, io.env ?? process.env);
  const subject = `${options.pacticipant} ${options.version} → ${options.toEnvironment}`;
  io.out(`can-i-deploy  ${subject}  (${result.broker})${options.dryRun === true ? '  [dry run]' : ''}`);
  // A dry run reports the answer but never blocks: for setting up a pipeline, or a knowing "break glass".
  const verdict = (blocked: boolean): ExitCode => exitCodeForOutcome(blocked && options.dryRun !== true);
  if (!result.answered) {
    for (const line of result.output) io.err(`pact-cli  ${line}`);
    io.err(
      `no answer from the broker for ${subject}: ${result.cause ?? 'unknown cause'}; not deployable until it answers${options.dryRun === true ? ' (dry run: exit 0 anyway)' : ''}`,
    );
    return verdict(true);
  }
  for (const row of result.rows) {
    const verified = row.success === undefined ? 'not verified yet' : row.success ? 'verified' : 'verification FAILED';
    io.out(`  ${row.consumer.name} ${row.consumer.version ?? '?'} → ${row.provider.name} ${row.provider.version ?? '?'}  ${verified}`);
  }
  for (const notice of result.notices) io.out(`  ${notice.type}: ${notice.text}`);
  if (result.reason !== undefined && result.reason !== '' && !result.notices.some((n) => n.text === result.reason)) io.out(`  reason: ${result.reason}`);
  io.out(
    result.deployable
      ? `deployable: ${options.pacticipant} ${options.version} can be deployed to ${options.toEnvironment}`
      : `NOT deployable: ${options.pacticipant} ${options.version} must not be deployed to ${options.toEnvironment}`,
  );
  if (!result.deployable && options.dryRun === true) io.out('dry run: exit 0 anyway');
  return verdict(!result.deployable);
}

/** Registration of `pact can-i-deploy`. */
export const canIDeployCommand: CommandRegistration = {
  name: 'can-i-deploy',
  define(command) {
    addPactCliBrokerOptions(
      command
        .description('ask the Pact Broker whether a version may be deployed to an environment (runs the Pact CLI: pact broker can-i-deploy)')
        .requiredOption('--pacticipant <name>', 'the application to deploy')
        .requiredOption('--version <version>', 'its version')
        .requiredOption('--to-environment <env>', 'the environment to deploy to')
        .addOption(numberOption('--retry-while-unknown', 'times', 'ask again this many times while a verification result is unknown (default 0)'))
        .addOption(numberOption('--retry-interval', 'seconds', 'seconds between those retries (default 10)'))
        .option('--dry-run', 'report the answer but always exit 0 (default $PACT_BROKER_CAN_I_DEPLOY_DRY_RUN=true)'),
    ).addHelpText('after', '\nExit 0 when deployable, 1 when not (or when the broker gives no answer in time), 2 for bad options.');
  },
  run(parsed, io) {
    const o = parsed.opts<{ pacticipant: string; version: string; toEnvironment: string; retryWhileUnknown?: number; retryInterval?: number; dryRun?: boolean }>();
    const env = io.env ?? process.env;
    const dryRun = o.dryRun === true || /^(true|1|yes)$/i.test(env.PACT_BROKER_CAN_I_DEPLOY_DRY_RUN ?? '');
    return runCanIDeploy(
      {
        pacticipant: o.pacticipant,
        version: o.version,
        toEnvironment: o.toEnvironment,
        ...(o.retryWhileUnknown !== undefined ? { retryWhileUnknown: o.retryWhileUnknown } : {}),
        ...(o.retryInterval !== undefined ? { retryIntervalSeconds: o.retryInterval } : {}),
        ...(dryRun ? { dryRun } : {}),
        ...brokerOptionsOf(parsed),
      },
      io,
    );
  },
};
