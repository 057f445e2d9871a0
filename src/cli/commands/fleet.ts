import { Option } from 'commander';
import { privateKeyFromEnv } from '../../attest/signingKey';
import { entrySucceeded, type FleetEntry } from '../../fleet/fleetIndex';
import { readTargetsFile } from '../../fleet/readTargetsFile';
import { runFleet } from '../../fleet/runFleet';
import { pickDefined, RUN_OPTION_KEYS, type RunOptions } from '../../runner/runOptions';
import { parseShard } from '../../fleet/shard';
import { UsageError } from '../../errors';
import type { CommandRegistration, CommonOptions } from '../command';
import { exitCodeForOutcome, type ExitCode } from '../exitCodes';
import { invocationOf, runOptionFlags } from '../invocation';
import type { CliIO } from '../io';
import { numberOption } from '../numberOption';
import { collect } from '../collect';
import { nameLists } from '../nameList';
import { reportDirOption, signKeyEnvOption } from '../options';
import { refuseUnfitDir } from '../reportDir';
import { join } from 'node:path';
import { terminalSafe } from '../../text/terminalSafe';
import { headerOption } from '../headerOption';
import { printableHeaders } from '../../config/headerLine';
import { gridx } from '../../contract/gridx';

/** Typed options of `fleet`. */
export interface FleetCommandOptions extends CommonOptions, RunOptions {
  readonly targetsFile: string;
  readonly reportDir: string;
  readonly parallel?: number;
  readonly rate?: number;
  readonly shard?: string;
  readonly previous?: string;
  readonly allowHttp: boolean;
  readonly signKeyEnv?: string;
  readonly sameScope?: boolean;
  /** false (`--no-isolate`): every target in this one process. Default true. */
  readonly isolate?: boolean;
  /** `-H 'Name: value'`: headers for every target's deliveries (a target's own `headers:` win). */
  readonly header?: Readonly<Record<string, string>>;
}

/**
 * `hookproof fleet TARGETS`: certifies or rechecks every receiver of a targets file (or of one
 * shard of it), writes a report directory per target and an index. Exit 0 when every target
 * passed (and every recheck was confirmed), 1 otherwise, 2 for bad input.
 */
export async function runFleetCommand(options: FleetCommandOptions, io: CliIO): Promise<ExitCode> {
  const env = io.env ?? process.env;
  const shard = options.shard !== undefined ? parseShard(options.shard) : undefined;
  if (options.parallel !== undefined && options.parallel < 1) throw new UsageError('--parallel must be at least 1');
  if (options.rate !== undefined && options.rate < 1) throw new UsageError('--rate must be at least 1 delivery per second');
  const targets = readTargetsFile(options.targetsFile);
  refuseUnfitDir(options.reportDir);
  const signingKey = options.signKeyEnv !== undefined ? privateKeyFromEnv(options.signKeyEnv, env) : undefined;
  const index = await runFleet({
    targets,
    reportDir: options.reportDir,
    env,
    specPath: options.spec,
    allowHttp: options.allowHttp,
    ...(options.parallel !== undefined ? { parallel: options.parallel } : {}),
    ...(options.rate !== undefined ? { ratePerSecond: options.rate } : {}),
    ...(shard !== undefined ? { shard } : {}),
    ...(options.previous !== undefined ? { previous: options.previous } : {}),
    ...pickDefined(options, RUN_OPTION_KEYS),
    ...(signingKey !== undefined ? { signingKey } : {}),
    ...(options.sameScope === true ? { sameScope: true } : {}),
    ...(options.isolate === false ? { isolate: false } : {}),
    ...(options.header !== undefined ? { headers: options.header } : {}),
    invocation: invocationOf(
      ['fleet', options.targetsFile],
      [
        ['--spec', options.spec],
        ['--report-dir', options.reportDir],
        ['--parallel', options.parallel],
        ['--rate', options.rate],
        ['--shard', options.shard],
        ['--previous', options.previous],
        ['--allow-http', options.allowHttp],
        ...runOptionFlags(options),
        ['--sign-key-env', options.signKeyEnv],
        ['--same-scope', options.sameScope],
        // Credential values never: a gateway key is as secret as the webhook secret.
        ['--header', options.header !== undefined ? printableHeaders(options.header) : undefined],
      ],
    ),
    onTarget: (entry) => io.out(targetLine(entry)),
    onWarning: (message) => io.err(`hookproof: warning: ${terminalSafe(message)}`),
  });
  const { pass, fail, incomplete, error } = index.summary;
  io.out(
    `fleet: ${pass} pass, ${fail} fail, ${incomplete} incomplete, ${error} could not run${shard !== undefined ? ` (shard ${shard.index}/${shard.total}: ${index.targets.length} of ${index.targetsInFile} targets)` : ''}; index: ${join(options.reportDir, 'index.html')}`,
  );
  return exitCodeForOutcome(!index.targets.every(entrySucceeded));
}

function targetLine(entry: FleetEntry): string {
  const verdict = entry.verdict.toUpperCase().padEnd(5);
  const recheck = entry.recheck !== undefined ? ` recheck ${entry.recheck}` : '';
  const detail = entry.error ?? (entry.failingRequirements.length > 0 ? `failing ${entry.failingRequirements.join(', ')}` : '');
  const change = entry.change !== undefined ? ` [${entry.change}]` : '';
  return `${verdict} ${entry.name}${recheck}${detail !== '' ? `: ${detail}` : ''}${change}`;
}

/** Registration of `fleet`. */
export const fleetCommand: CommandRegistration = {
  name: 'fleet',
  readsSpec: true,
  define(command) {
    command
      .description('certify or recheck many receivers from a targets file, N at a time under one rate limit, with an index')
      .argument('<targets>', 'targets.yaml: a "targets:" list of {name, url, secretEnv, types, allowHttp, recheck}')
      .addOption(reportDirOption('where the per-target report directories and index.json/index.html go', './hookproof-fleet'))
      .addOption(numberOption('--parallel', 'n', 'targets certified at once (default 4)'))
      .addOption(numberOption('--rate', 'n', 'at most n deliveries in any one second across the fleet, per shard (default: no limit)'))
      .option('--shard <i/n>', 'run only shard i of n (as jest --shard): one CI job per shard')
      .option('--previous <dir>', "a previous fleet run's --report-dir: the index says what changed")
      .option('--allow-http', 'allow plain http:// targets (each target may also set allowHttp)', false)
      .addOption(new Option('--checks <checks>', 'only these checks, by id or requirement ID, comma-separated').argParser(collect))
      .addOption(numberOption('--seed', 'n', 'seed for every target (default: random per target)'))
      .addOption(numberOption('--runs', 'n', 'cases per property (default 100)'))
      .addOption(numberOption('--timeout-ms', 'n', `per-delivery timeout in milliseconds (default ${gridx.deadlineMs})`))
      .addOption(numberOption('--max-event-bytes', 'n', 'largest generated body in bytes (default 65536)'))
      .addOption(numberOption('--concurrency', 'n', 'checks run at once per target (default 4)'))
      .addOption(signKeyEnvOption("sign every target's report with the Ed25519 PEM private key in this environment variable"))
      .option('--same-scope', "rechecks reproduce each report's own scope and settings instead of gridX's full certification")
      .option('--no-isolate', 'certify every target in this one process instead of a process per target (less start-up, but one target can stall another)')
      .addOption(headerOption());
  },
  run(parsed, io) {
    const [targetsFile] = parsed.args as [string];
    // Commander leaves out the options not given (optional means absent), and the flags are named after the fields.
    const { checks, ...given } = parsed.opts<Omit<FleetCommandOptions, 'targetsFile'>>();
    return runFleetCommand({ ...given, targetsFile, ...nameLists({ checks }) }, io);
  },
};
