import type { CommandRegistration } from '../../command';
import { EXIT } from '../../exitCodes';

/**
 * `hookproof pact …`: Pact contracts between the gridX sender and a receiver. Each subcommand is a
 * file in this folder; add it to PACT_SUBCOMMANDS.
 */
export const PACT_SUBCOMMANDS: CommandRegistration[] = [];

export const pactCommand: CommandRegistration = {
  name: 'pact',
  subcommands: PACT_SUBCOMMANDS,
  define(command) {
    command.description('Pact contracts between the gridX sender and a receiver: generate, verify, publish, can-i-deploy');
  },
  run: () => Promise.resolve(EXIT.error),
};
