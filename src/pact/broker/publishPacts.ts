import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../../errors';
import { resolveBrokerConnection, type BrokerOptions, type Environment } from './brokerConnection';
import { displayUrl } from './brokerEnvironment';
import { cliRunOptions } from './cliRunOptions';
import { readPactParties, type PactParties } from './readPactParties';
import { outputLines, runPactCli } from './runPactCli';

export interface PublishPactsOptions extends BrokerOptions {
  /** Pact files to publish, or directories: every pact (`*.json`) in a directory is published. */
  readonly files: readonly string[];
  /** The consumer's version, ideally the git SHA. */
  readonly consumerAppVersion: string;
  /** The consumer's git branch (recommended). */
  readonly branch?: string;
  /** Consumer version tags (the older alternative to branches). */
  readonly tags?: readonly string[];
  /** The CI build that produced the pacts, shown by the broker. */
  readonly buildUrl?: string;
}

export interface PublishPactsResult {
  /** True when the Pact CLI published every file. */
  readonly published: boolean;
  readonly pacts: readonly PactParties[];
  /** What the Pact CLI printed, secrets redacted. */
  readonly output: readonly string[];
  readonly exitCode: number;
  /** The broker's URL without credentials, for messages. */
  readonly broker: string;
}

/**
 * Publishes pact files to a Pact Broker or PactFlow with the real Pact CLI
 * (`pact broker publish FILES --consumer-app-version V [--branch B] [--tag T,…]`), which calls the
 * broker's `POST /contracts/publish`. Credentials reach the CLI through its environment only.
 * Throws UsageError/InputUnreadableError/PactFileInvalidError before running anything.
 */
export async function publishPacts(options: PublishPactsOptions, env: Environment = process.env): Promise<PublishPactsResult> {
  if (options.files.length === 0) throw new UsageError('no pact files to publish');
  if (options.consumerAppVersion.trim() === '') throw new UsageError('--consumer-app-version must not be empty');
  const tags = (options.tags ?? [])
    .flatMap((t) => t.split(','))
    .map((t) => t.trim())
    .filter((t) => t !== '');
  const files = options.files.flatMap(pactFilesIn);
  const pacts = readPactParties(files);
  const connection = resolveBrokerConnection(options, env);
  const args = [
    'broker',
    'publish',
    '--consumer-app-version',
    options.consumerAppVersion,
    ...(options.branch !== undefined && options.branch !== '' ? ['--branch', options.branch] : []),
    ...(tags.length > 0 ? ['--tag', tags.join(',')] : []),
    ...(options.buildUrl !== undefined && options.buildUrl !== '' ? ['--build-url', options.buildUrl] : []),
    '--',
    ...files,
  ];
  const run = await runPactCli(args, cliRunOptions(connection, options, env));
  return { published: run.exitCode === 0, pacts, output: outputLines(run.stdout, run.stderr), exitCode: run.exitCode, broker: displayUrl(connection.url) };
}

/** A file as it is; a directory as every `*.json` in it, in name order (none: a usage error). */
function pactFilesIn(path: string): string[] {
  if (!existsSync(path) || !statSync(path).isDirectory()) return [path];
  const files = readdirSync(path)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => join(path, name));
  if (files.length === 0) throw new UsageError(`${path} is a directory with no pact files (*.json) in it`);
  return files;
}
