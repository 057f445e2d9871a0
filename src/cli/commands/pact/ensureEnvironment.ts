import { ensureEnvironment } from '../../../pact/broker/ensureEnvironment';
import type { CommandRegistration } from '../../command';
import { EXIT } from '../../exitCodes';
import { addPactCliBrokerOptions, brokerOptionsOf } from '../../options';

/**
 * `hookproof pact ensure-environment --name production [--production]`: creates the environment in
 * the broker unless it exists, so that record-deployment and can-i-deploy --to-environment work on a
 * fresh open-source broker. Exit 0 when it exists (now), 1 when the broker refused or failed.
 */
export const ensureEnvironmentCommand: CommandRegistration = {
  name: 'ensure-environment',
  define(command) {
    addPactCliBrokerOptions(
      command
        .description("create an environment in the Pact Broker unless it exists (the broker's pb:environments)")
        .requiredOption('--name <env>', 'the environment, e.g. production')
        .option('--production', 'it is a production environment (when created)'),
    );
  },
  async run(parsed, io) {
    const o = parsed.opts<{ name: string; production?: boolean }>();
    const result = await ensureEnvironment({ name: o.name, ...(o.production === true ? { production: true } : {}), ...brokerOptionsOf(parsed) }, io.env ?? process.env);
    io.out(`environment ${o.name} ${result.created ? 'created' : 'exists'} (${result.broker})`);
    return EXIT.pass;
  },
};
