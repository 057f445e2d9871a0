import { Option } from 'commander';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createProgressRenderer, renderSummary, writeReports } from '../../reports';
import type { CertificationReport } from '../../evidence/certificationReport';
import { runCertification } from '../../runner/runCertification';
import { pickDefined, RUN_OPTION_KEYS, type RunOptions } from '../../runner/runOptions';
import { validateTarget } from '../../runner/validateTarget';
import { prepareReportDir } from '../reportDir';
import type { CertifyOptions } from '../../runner/certifyOptions';
import type { CommandRegistration, CommonOptions } from '../command';
import { exitCodeForOutcome, type ExitCode } from '../exitCodes';
import type { CliIO } from '../io';
import { numberOption } from '../numberOption';
import { collect } from '../collect';
import { nameLists } from '../nameList';
import { resolveSecrets, type SecretSources } from '../secrets';
import { addSecretOptions, reportDirOption, signKeyEnvOption } from '../options';
import { invocationOf, runOptionFlags } from '../invocation';
import { headerOption } from '../headerOption';
import { signReportFile } from '../../attest/signReport';
import { privateKeyFromEnv } from '../../attest/signingKey';
import { gridx } from '../../contract/gridx';
import type { CertifyCapacityOptions } from '../../runner/certifyOptions';
import type * as CertifyCapacity from '../../capacity/certifyCapacity';
import { UsageError } from '../../errors';
import { durationOption } from '../durationOption';
import { rateOption } from '../rateOption';
import { untilSignal } from '../untilSignal';

/** Typed options of `certify`. */
export interface CertifyCommandOptions extends CommonOptions, SecretSources, RunOptions {
  readonly url: string;
  readonly allowHttp: boolean;
  readonly types?: readonly string[];
  readonly reportDir: string;
  /** Sign the report (DSSE, Ed25519) with the PEM private key in this environment variable. */
  readonly signKeyEnv?: string;
  /** Print report.json on stdout (the summary then goes to stderr), for scripts. */
  readonly json?: boolean;
  /** `-H 'Name: value'`: headers added to every delivery, by lower-case name. */
  readonly header?: Readonly<Record<string, string>>;
  /** A declared rate (events/s): CAP-1..3 join the run (`hookproof capacity`'s flags, same names). */
  readonly rate?: number;
  readonly duration?: number;
  readonly outage?: number;
  readonly maxRate?: number;
  readonly step?: number;
  readonly retryBaseMs?: number;
  readonly maxInFlight?: number;
}

/**
 * `hookproof certify`: runs the list of checks against a receiver, prints progress and a summary,
 * writes report.json, junit.xml and report.html. Exit 0 on a passing verdict, 1 on a failing or incomplete one.
 */
export async function runCertify(options: CertifyCommandOptions, io: CliIO): Promise<ExitCode> {
  const env = io.env ?? process.env;
  const secrets = resolveSecrets(options, env);
  // The key is read before the run: a bad key is a one-line error, not a lost run.
  const signingKey = options.signKeyEnv !== undefined ? privateKeyFromEnv(options.signKeyEnv, env) : undefined;
  validateTarget(options.url, options.allowHttp);
  const capacity = capacityOptions(options);
  // Ctrl-C stops the capacity phases at once; what they measured is still reported.
  const abort = new AbortController();
  const signal = capacity !== undefined ? untilSignal() : undefined;
  void signal?.promise.then(() => {
    io.err('certify: stopping the capacity phases (signal); the report is still written');
    abort.abort();
  });
  const report = await certifyAndReport(
    {
      invocation: certifyInvocation(options),
      url: options.url,
      secrets,
      specPath: options.spec,
      allowHttp: options.allowHttp,
      ...pickDefined(options, ['types', ...RUN_OPTION_KEYS]),
      ...(options.header !== undefined ? { headers: options.header } : {}),
      ...(capacity !== undefined ? { capacity, signal: abort.signal } : {}),
    },
    options.reportDir,
    io,
    options.json === true,
  ).finally(() => signal?.dispose());
  if (signingKey !== undefined) (options.json === true ? io.err : io.out)(`attestation ${await signReportFile(join(resolve(options.reportDir), 'report.json'), signingKey)}`);
  return exitCodeForOutcome(report.verdict !== 'pass');
}

/** The flags that tune the capacity phases, with their values: each named once. */
function capacityTuningFlags(options: CertifyCommandOptions): Array<readonly [string, number | undefined]> {
  return [
    ['--duration', options.duration],
    ['--outage', options.outage],
    ['--max-rate', options.maxRate],
    ['--step', options.step],
    ['--retry-base-ms', options.retryBaseMs],
    ['--max-in-flight', options.maxInFlight],
  ];
}

/** The capacity phases `--rate` asks for; the other capacity flags without it are a usage error. */
function capacityOptions(options: CertifyCommandOptions): CertifyCapacityOptions | undefined {
  const tuned = capacityTuningFlags(options).filter(([, value]) => value !== undefined);
  if (options.rate === undefined) {
    if (tuned.length > 0)
      throw new UsageError(`${tuned.map(([flag]) => flag).join(', ')} tune${tuned.length === 1 ? 's' : ''} the capacity phases: declare the rate with --rate N/s`);
    return undefined;
  }
  return {
    rate: options.rate,
    ...(options.duration !== undefined ? { durationMs: options.duration } : {}),
    ...(options.outage !== undefined ? { outageMs: options.outage } : {}),
    ...(options.maxRate !== undefined || options.step !== undefined
      ? { findMax: { ...(options.maxRate !== undefined ? { maxRate: options.maxRate } : {}), ...(options.step !== undefined ? { stepMs: options.step } : {}) } }
      : {}),
    ...(options.retryBaseMs !== undefined ? { retryBaseMs: options.retryBaseMs } : {}),
    ...(options.maxInFlight !== undefined ? { maxInFlight: options.maxInFlight } : {}),
  };
}

/** certify's command line as run, secret-free, for the report's provenance. */
function certifyInvocation(options: CertifyCommandOptions): string[] {
  return invocationOf(
    ['certify'],
    [
      ['--spec', options.spec],
      ['--url', options.url],
      ['--secret', options.secret],
      ['--secret-env', options.secretEnv],
      ['--allow-http', options.allowHttp],
      ['--types', options.types?.join(',')],
      ...runOptionFlags(options),
      ['--report-dir', options.reportDir],
      ['--sign-key-env', options.signKeyEnv],
      ['--rate', options.rate],
      ...capacityTuningFlags(options),
      // Names only: a header's value is often a gateway key.
      ['--header', options.header !== undefined ? Object.keys(options.header).map((name) => `${name}: <redacted>`) : undefined],
    ],
  );
}

/**
 * Shared by `certify` and `demo`: run, render progress and summary, write the reports. With
 * `json`, stdout gets report.json exactly as written (secrets already redacted) and the summary
 * goes to stderr, so that `hookproof certify … --json | jq` reads one JSON document.
 */
export async function certifyAndReport(options: CertifyOptions, reportDir: string, io: CliIO, json = false): Promise<CertificationReport> {
  // Checked (and created) before the run, so a run of minutes never ends in "cannot write".
  const root = await prepareReportDir(reportDir);
  const reportPath = join(reportDir, 'report.json');
  const progress = createProgressRenderer(io.progress ?? { isTTY: false, write: (text: string) => io.err(text.replace(/\n$/, '')) }, { secrets: options.secrets });
  // The capacity engine loads only for a run with a declared rate.
  const shared = options.capacity !== undefined ? { capacityStage: capacityStage() } : {};
  const report = await runCertification({ ...options, reportPath, onProgress: progress }, shared);
  const files = await writeReports(report, root, options.secrets);
  const summary = json ? io.err : io.out;
  for (const line of renderSummary(report, { htmlPath: files.html, secrets: options.secrets }).split('\n')) summary(line);
  if (json) io.out((await readFile(files.json, 'utf8')).replace(/\n$/, ''));
  return report;
}

/** certify's capacity engine, loaded on first use (undici's load generator, the latency histograms). */
function capacityStage(): typeof CertifyCapacity.certifyCapacityStage {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load: the build is CommonJS
  return (require('../../capacity/certifyCapacity') as typeof CertifyCapacity).certifyCapacityStage;
}

/** Registration of `certify`. */
export const certifyCommand: CommandRegistration = {
  name: 'certify',
  readsSpec: true,
  define(command) {
    addSecretOptions(
      command
        .description('certify a webhook receiver: send generated, signed and forged deliveries and judge every answer')
        .requiredOption('--url <url>', 'the receiver URL, exactly as registered with gridX'),
      'a current secret of the receiver (repeat for a rotation); prefer --secret-env',
    )
      .option('--allow-http', 'allow a plain http:// target (local or staging; TLS-1 becomes a warning)', false)
      .addOption(new Option('--types <types>', 'only these event types, comma-separated (the ones the receiver subscribes to)').argParser(collect))
      .addOption(new Option('--checks <checks>', 'only these checks, by id or requirement ID (e.g. SIG-3), comma-separated').argParser(collect))
      .addOption(reportDirOption('where to write report.json, junit.xml and report.html', './hookproof-report'))
      .addOption(numberOption('--seed', 'n', 'seed for the generated cases: the same seed sends the same cases'))
      .addOption(numberOption('--runs', 'n', 'cases per property (default 100)'))
      .addOption(numberOption('--timeout-ms', 'n', `per-delivery timeout in milliseconds (default ${gridx.deadlineMs}, as gridX)`))
      .addOption(numberOption('--max-event-bytes', 'n', 'largest generated body in bytes (default 65536; gridX events are a few KB)'))
      .addOption(numberOption('--concurrency', 'n', 'checks run at once and deliveries in flight in DLV-6 (default 4)'))
      .addOption(signKeyEnvOption('sign the report with the Ed25519 PEM private key in this environment variable (writes report.dsse.json)'))
      .option('--json', 'print report.json on stdout (the summary goes to stderr), for scripts')
      .addOption(headerOption())
      .addOption(rateOption('--rate', 'declare the rate the receiver holds, e.g. 50, 50/s or 3000/m: CAP-1..3 join the run, after every check (at most 20000/s)'))
      .addOption(durationOption('--duration', 'with --rate: length of the CAP-1 phase and of the live traffic during CAP-2 (default 30s)'))
      .addOption(durationOption('--outage', 'with --rate: CAP-2 delivers the backlog of an outage this long (rate × outage) under gridX retries (default 10s)'))
      .addOption(rateOption('--max-rate', 'with --rate: the CAP-3 overload probe ramps from the rate up to this (default 4 × the rate)'))
      .addOption(durationOption('--step', 'with --rate: length of each overload probe step (default 5s)'))
      .addOption(numberOption('--retry-base-ms', 'n', "with --rate: first retry wait in CAP-2 (default 1000, gridX's)"))
      .addOption(numberOption('--max-in-flight', 'n', 'with --rate: capacity deliveries in flight at most (default 256)'));
  },
  run(parsed, io) {
    // Commander leaves out the options not given (optional means absent), and the flags are named after the fields.
    const { types, checks, ...given } = parsed.opts<CertifyCommandOptions>();
    return runCertify({ ...given, ...nameLists({ types, checks }) }, io);
  },
};
