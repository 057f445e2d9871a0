import { Option } from 'commander';
import { mergeCapacityReports } from '../../capacity/mergeCapacityReports';
import { runCapacity } from '../../capacity/runCapacity';
import { readCapacityReport, writeCapacityReports } from '../../capacity/writeCapacityReports';
import { capacityLines } from '../../capacity/renderCapacity';
import type { CapacityReport } from '../../capacity/capacityReport';
import { UsageError } from '../../errors';
import { maskUrlCredentials, redactSecrets, terminalSafe } from '../../reports';
import type { CommandRegistration, CommonOptions } from '../command';
import { collect } from '../collect';
import { durationOption } from '../durationOption';
import { EXIT, type ExitCode } from '../exitCodes';
import type { CliIO } from '../io';
import { numberOption } from '../numberOption';
import { addSecretOptions, reportDirOption } from '../options';
import { rateOption } from '../rateOption';
import { prepareReportDir } from '../reportDir';
import { resolveSecrets, type SecretSources } from '../secrets';
import { untilSignal } from '../untilSignal';
import { capacityProgressLine } from '../../reports/console/capacityProgressLine';

export interface CapacityCommandOptions extends CommonOptions, SecretSources {
  readonly url?: string;
  readonly allowHttp: boolean;
  readonly rate?: number;
  readonly duration?: number;
  readonly findMax: boolean;
  readonly maxRate?: number;
  readonly step?: number;
  readonly outage?: number;
  readonly retryBaseMs?: number;
  readonly maxInFlight?: number;
  readonly types?: readonly string[];
  readonly seed?: number;
  readonly shard?: string;
  readonly startAt?: string;
  readonly reportDir: string;
}

/**
 * `hookproof capacity`: CAP-1 at the declared rate, `--find-max` (and CAP-3 above the maximum),
 * `--outage` (CAP-2). `hookproof capacity merge DIR…` combines the shards of one run. Exit 0 pass,
 * 1 fail or inconclusive (a CI gate must not pass what was not shown), 2 usage.
 */
export async function runCapacityCommand(options: CapacityCommandOptions, dirs: readonly string[], io: CliIO): Promise<ExitCode> {
  if (dirs[0] === 'merge') return mergeCommand(dirs.slice(1), options, io);
  if (dirs.length > 0) throw new UsageError(`unexpected argument "${terminalSafe(dirs[0] ?? '')}": give the receiver with --url, or use "capacity merge DIR…"`);
  if (options.url === undefined) throw new UsageError('capacity needs --url URL (the receiver, exactly as registered with gridX)');
  const secrets = resolveSecrets(options, io.env ?? process.env);
  const reportDir = await prepareReportDir(options.reportDir);
  const print = (line: string): void => io.out(terminalSafe(maskUrlCredentials(redactSecrets(line, secrets))));
  const abort = new AbortController();
  const signal = untilSignal();
  void signal.promise.then(() => {
    io.err('capacity: stopping (signal); the report is still written');
    abort.abort();
  });
  let lastLine = 0;
  const live = io.progress?.isTTY === true ? io.progress : undefined;
  let report: CapacityReport;
  try {
    report = await runCapacity({
      url: options.url,
      secrets,
      allowHttp: options.allowHttp,
      specPath: options.spec,
      signal: abort.signal,
      ...(options.rate !== undefined ? { rate: options.rate } : {}),
      ...(options.duration !== undefined ? { durationMs: options.duration } : {}),
      ...(options.findMax
        ? { findMax: { ...(options.maxRate !== undefined ? { maxRate: options.maxRate } : {}), ...(options.step !== undefined ? { stepMs: options.step } : {}) } }
        : {}),
      ...(options.outage !== undefined ? { outageMs: options.outage } : {}),
      ...(options.retryBaseMs !== undefined ? { retryBaseMs: options.retryBaseMs } : {}),
      ...(options.maxInFlight !== undefined ? { maxInFlight: options.maxInFlight } : {}),
      ...(options.types !== undefined ? { types: options.types } : {}),
      ...(options.seed !== undefined ? { seed: options.seed } : {}),
      ...(options.shard !== undefined ? { shard: parseShard(options.shard) } : {}),
      ...(options.startAt !== undefined ? { startAt: parseStartAt(options.startAt) } : {}),
      onProgress: (p) => {
        const now = Date.now();
        // On a terminal a live line; in CI logs a line every 5 s.
        if (live === undefined && now - lastLine < 5000) return;
        lastLine = now;
        const text = capacityProgressLine(p);
        if (live !== undefined) live.write(`\r${text}\u001b[K`);
        else io.err(text);
      },
    });
  } finally {
    signal.dispose();
    live?.write('\r\u001b[K');
  }
  const files = await writeCapacityReports(report, reportDir, secrets);
  capacityLines(report).forEach(print);
  print(`reports: ${files.json}, ${files.html}, ${files.junit}`);
  return report.verdict === 'pass' ? EXIT.pass : EXIT.fail;
}

async function mergeCommand(dirs: readonly string[], options: CapacityCommandOptions, io: CliIO): Promise<ExitCode> {
  if (dirs.length === 0) throw new UsageError('capacity merge needs the report directories of the shards: capacity merge DIR1 DIR2 …');
  const merged = mergeCapacityReports(await Promise.all(dirs.map(readCapacityReport)));
  const reportDir = await prepareReportDir(options.reportDir);
  const files = await writeCapacityReports(merged, reportDir, []);
  capacityLines(merged).forEach((line) => io.out(terminalSafe(line)));
  io.out(terminalSafe(`merged ${merged.mergedShards ?? dirs.length} shards: ${files.json}`));
  return merged.verdict === 'pass' ? EXIT.pass : EXIT.fail;
}

function parseShard(text: string): { index: number; count: number } {
  const match = /^(\d+)\/(\d+)$/.exec(text);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (match === null || count < 1 || count > 1024 || index < 1 || index > count) throw new UsageError(`--shard must be i/n with 1 <= i <= n <= 1024, got "${terminalSafe(text)}"`);
  return { index: index - 1, count };
}

function parseStartAt(text: string): Date {
  const at = new Date(text);
  if (!/^\d{4}-\d\d-\d\dT/.test(text) || Number.isNaN(at.getTime()))
    throw new UsageError(`--start-at must be an ISO time such as 2026-12-07T15:00:00Z, got "${terminalSafe(text)}"`);
  const ahead = at.getTime() - Date.now();
  if (ahead > 15 * 60_000) throw new UsageError('--start-at is more than 15 minutes ahead: give a time just after every shard has started');
  if (ahead < -60_000) throw new UsageError('--start-at is more than a minute in the past: the shards would not start together');
  return at;
}

export const capacityCommand: CommandRegistration = {
  name: 'capacity',
  readsSpec: true,
  define(command) {
    addSecretOptions(
      command
        .description('load-test a receiver the gridX way: CAP-1 sustained rate, --find-max (CAP-3 overload etiquette), --outage (CAP-2 recovery burst)')
        .argument('[merge...]', '"merge DIR…" combines the report directories of the shards of one run')
        .option('--url <url>', 'the receiver URL, exactly as registered with gridX'),
      'webhook secret to sign with (prefer --secret-env)',
    )
      .option('--allow-http', 'allow a plain http:// target (local or staging)', false)
      .addOption(rateOption('--rate', 'declared rate, e.g. 50, 50/s or 3000/m: CAP-1 is judged at it (at most 20000/s)'))
      .addOption(durationOption('--duration', 'length of the CAP-1 phase and of the live traffic during CAP-2 (default 30s)'))
      .option('--find-max', 'ramp up to the highest rate the receiver holds; CAP-3 is judged above it', false)
      .addOption(rateOption('--max-rate', 'the ramp never offers more than this (default 20000/s)'))
      .addOption(durationOption('--step', 'length of each --find-max step (default 10s)'))
      .addOption(durationOption('--outage', 'CAP-2: deliver the backlog of an outage this long (rate × outage) at once, under gridX retries'))
      .addOption(numberOption('--retry-base-ms', 'n', "first retry wait in CAP-2 (default 1000, gridX's)"))
      .addOption(numberOption('--max-in-flight', 'n', 'deliveries in flight at most (default 256)'))
      .addOption(new Option('--types <types>', 'only these event types, comma-separated').argParser(collect))
      .addOption(numberOption('--seed', 'n', 'seed of the generated events'))
      .option('--shard <i/n>', 'this machine drives shard i of n (a CI matrix); needs --start-at')
      .option('--start-at <time>', 'ISO time at which every shard starts')
      .addOption(reportDirOption('where to write capacity.json, capacity.html and junit.xml', './hookproof-capacity'));
  },
  run(parsed, io) {
    const options = parsed.opts<CapacityCommandOptions>();
    return runCapacityCommand(options, parsed.args, io);
  },
};
