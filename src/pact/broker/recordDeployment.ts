import { UsageError } from '../../errors';
import { resolveBrokerConnection, type BrokerOptions, type Environment } from './brokerConnection';
import { displayUrl } from './brokerEnvironment';
import { cliRunOptions } from './cliRunOptions';
import { pactCliCause, versionProbe } from './pactCliCause';
import { BROKER_TIMEOUT_MS, outputLines, runPactCli } from './runPactCli';

export interface RecordDeploymentOptions extends BrokerOptions {
  readonly pacticipant: string;
  readonly version: string;
  readonly environment: string;
  /** Which of several deployed instances (e.g. "blue"); deployments only. */
  readonly applicationInstance?: string;
}

export interface RecordDeploymentResult {
  readonly recorded: boolean;
  /** The Pact CLI's output, secrets redacted. */
  readonly output: readonly string[];
  /** True when the broker gave no answer before the deadline. */
  readonly timedOut: boolean;
  readonly broker: string;
  /** When not recorded: why, in one line (see pactCliCause). */
  readonly cause: string | undefined;
}

/**
 * Records in the broker that a version is deployed to an environment (`pact broker
 * record-deployment`), or released (`record-release`, for software installed by others, where
 * several versions live at once). This is what `deployedOrReleased` selectors and `can-i-deploy
 * --to-environment` read: without it they have nothing to check. Runs the real Pact CLI, which
 * posts to the version's `pb:record-deployment` / `pb:record-release` link for that environment.
 */
export async function recordDeployment(kind: 'deployment' | 'release', options: RecordDeploymentOptions, env: Environment = process.env): Promise<RecordDeploymentResult> {
  for (const [option, value] of [
    ['--pacticipant', options.pacticipant],
    ['--version', options.version],
    ['--environment', options.environment],
  ] as const) {
    if (value.trim() === '') throw new UsageError(`${option} must not be empty`);
  }
  if (kind === 'release' && options.applicationInstance !== undefined) throw new UsageError('--application-instance applies to deployments only');
  const connection = resolveBrokerConnection(options, env);
  const args = [
    'broker',
    kind === 'deployment' ? 'record-deployment' : 'record-release',
    '--pacticipant',
    options.pacticipant,
    '--version',
    options.version,
    '--environment',
    options.environment,
    ...(options.applicationInstance !== undefined && options.applicationInstance !== '' ? ['--application-instance', options.applicationInstance] : []),
  ];
  const run = await runPactCli(args, cliRunOptions(connection, options, env));
  const recorded = run.exitCode === 0;
  const cause = recorded ? undefined : await pactCliCause(connection, versionProbe(options.pacticipant, options.version), run, options.brokerTimeoutMs ?? BROKER_TIMEOUT_MS);
  return { recorded, output: outputLines(run.stdout, run.stderr), timedOut: run.timedOut, broker: displayUrl(connection.url), cause };
}
