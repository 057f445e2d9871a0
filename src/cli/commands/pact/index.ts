import type { CommandRegistration } from '../../command';
import { EXIT } from '../../exitCodes';
import { pactGenerateCommand } from './generate';
import { pactVerifyCommand } from './verify';
import { verifyMessagesCommand } from './verifyMessages';
import { publishCommand } from './publish';
import { canIDeployCommand } from './canIDeploy';
import { recordDeploymentCommand, recordReleaseCommand } from './recordDeployment';
import { ensureEnvironmentCommand } from './ensureEnvironment';

/**
 * `hookproof pact …`: Pact contracts between the gridX sender and a receiver. Each subcommand is a
 * file in this folder; add it to PACT_SUBCOMMANDS.
 */
export const PACT_SUBCOMMANDS: CommandRegistration[] = [
  pactGenerateCommand,
  pactVerifyCommand,
  verifyMessagesCommand,
  publishCommand,
  canIDeployCommand,
  recordDeploymentCommand,
  recordReleaseCommand,
  ensureEnvironmentCommand,
];

export const pactCommand: CommandRegistration = {
  name: 'pact',
  subcommands: PACT_SUBCOMMANDS,
  define(command) {
    command.description('Pact contracts between the gridX sender and a receiver: generate, verify, publish, can-i-deploy, record-deployment, record-release, ensure-environment');
  },
  run: () => Promise.resolve(EXIT.error),
};
