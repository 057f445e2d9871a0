import { recordDeployment } from '../../../pact/broker/recordDeployment';
import type { CommandRegistration } from '../../command';
import { exitCodeForOutcome } from '../../exitCodes';
import { addPactCliBrokerOptions, brokerOptionsOf } from '../../options';

/**
 * `hookproof pact record-deployment` and `pact record-release`: tell the broker that a version now
 * runs in an environment, with the real Pact CLI. Run it right after each deployment, for the
 * receiver and for the contract's gridX side alike, so `deployedOrReleased` selectors and
 * `can-i-deploy --to-environment` have something to check. Exit 0 when recorded, 1 when the broker
 * refused or did not answer in time, 2 for bad options.
 */
function recordCommand(kind: 'deployment' | 'release'): CommandRegistration {
  return {
    name: `record-${kind}`,
    define(command) {
      addPactCliBrokerOptions(
        command
          .description(
            kind === 'deployment'
              ? 'record in the Pact Broker that a version is deployed to an environment (runs the Pact CLI: pact broker record-deployment)'
              : 'record in the Pact Broker that a version is released to an environment (runs the Pact CLI: pact broker record-release)',
          )
          .requiredOption('--pacticipant <name>', 'the application, e.g. acme-receiver')
          .requiredOption('--version <version>', 'the version deployed')
          .requiredOption('--environment <env>', 'the environment, e.g. production'),
      );
      if (kind === 'deployment') command.option('--application-instance <name>', 'which of several instances of the application (e.g. blue)');
    },
    async run(parsed, io) {
      const o = parsed.opts<{ pacticipant: string; version: string; environment: string; applicationInstance?: string }>();
      const result = await recordDeployment(
        kind,
        {
          pacticipant: o.pacticipant,
          version: o.version,
          environment: o.environment,
          ...(o.applicationInstance !== undefined ? { applicationInstance: o.applicationInstance } : {}),
          ...brokerOptionsOf(parsed),
        },
        io.env ?? process.env,
      );
      for (const line of result.output) (result.recorded ? io.out : io.err)(`pact-cli  ${line}`);
      const what = `${kind} of ${o.pacticipant} ${o.version} to ${o.environment} (${result.broker})`;
      if (result.recorded) io.out(`recorded ${what}`);
      else io.err(`not recorded: ${what}: ${result.cause ?? 'unknown cause'}`);
      return exitCodeForOutcome(!result.recorded);
    },
  };
}

export const recordDeploymentCommand = recordCommand('deployment');
export const recordReleaseCommand = recordCommand('release');
