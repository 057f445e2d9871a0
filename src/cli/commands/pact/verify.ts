import { Option } from 'commander';
import { UsageError } from '../../../errors';
import { verificationReport } from '../../../pact/http/reports/verificationReport';
import { writeVerificationReports } from '../../../pact/http/reports/writeVerificationReports';
import type { InteractionVerdict } from '../../../pact/http/verificationResult';
import { DEFAULT_VERIFY_TIMEOUT_MS, verifyHttpPact, type BrokerSource, type ConsumerVersionSelector, type VerifierLogLevel } from '../../../pact/http/verifyHttpPact';
import { VERSION } from '../../../version';
import { BROKER_TIMEOUT_MS } from '../../../pact/broker/runPactCli';
import type { CommandRegistration } from '../../command';
import { exitCodeForOutcome, type ExitCode } from '../../exitCodes';
import type { CliIO } from '../../io';
import { numberOption } from '../../numberOption';
import { collect } from '../../collect';
import { resolveSecrets, secretSourcesOf, type SecretSources } from '../../secrets';
import { addBrokerOptions, addSecretOptions, reportDirOption } from '../../options';
import { headerOption } from '../../headerOption';
import { durationOption } from '../../durationOption';
import { PROXY_SLACK_MS, VERIFIER_START_MS } from '../../../pact/http/verifierDeadline';

const LOG_LEVELS: readonly VerifierLogLevel[] = ['error', 'warn', 'info', 'debug'];

/** Typed options of `pact verify`. */
export interface PactVerifyOptions extends SecretSources {
  readonly url: string;
  readonly pact?: readonly string[];
  readonly broker?: BrokerSource;
  readonly publish?: { readonly providerVersion: string; readonly providerBranch?: string; readonly buildUrl?: string };
  readonly logLevel: VerifierLogLevel;
  readonly timeoutMs?: number;
  /** `--deadline`: each run of the Pact verifier's deadline in ms (default computed, see verifierDeadlineMs). */
  readonly deadlineMs?: number;
  /** Where to write report.json and junit.xml; none when not given. */
  readonly reportDir?: string;
  /** `-H 'Name: value'`: headers added to every request to the receiver (a staging gateway's key). */
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * `hookproof pact verify`: runs the real Pact verifier against a receiver, signing each request
 * as its provider state asks. The Pact core's own report is printed (escaped) line by line; this
 * adds one line per interaction and a total. Exit 0 when every interaction passed, 1 otherwise.
 */
export async function runPactVerify(options: PactVerifyOptions, io: CliIO): Promise<ExitCode> {
  const secrets = resolveSecrets(options, io.env ?? process.env);
  const startedAt = new Date();
  const result = await verifyHttpPact({
    url: options.url,
    secrets,
    logLevel: options.logLevel,
    ...(options.pact !== undefined ? { pactFiles: options.pact } : {}),
    ...(options.broker !== undefined ? { broker: options.broker } : {}),
    ...(options.publish !== undefined ? { publish: options.publish } : {}),
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.deadlineMs !== undefined ? { deadlineMs: options.deadlineMs } : {}),
    ...(options.headers !== undefined ? { headers: options.headers } : {}),
    // The core's own report, through the CLI's escaping writers like every other line.
    output: { out: (line) => io.out(line), err: (line) => io.err(line) },
  });
  for (const verdict of result.interactions) io.out(verdictLine(verdict));
  const pending = result.interactions.filter((v) => !v.passed && v.pending === true).length;
  const failed = result.interactions.filter((v) => !v.passed).length - pending;
  io.out(`pact verify: ${result.interactions.length} interactions, ${failed} failed${pending > 0 ? `, ${pending} pending` : ''}${result.passed ? '' : ' (verification failed)'}`);
  if (options.reportDir !== undefined) {
    const sources = options.pact ?? (options.broker !== undefined ? [`${options.broker.url} (provider ${options.broker.provider})`] : []);
    const report = verificationReport(result, { version: VERSION, url: options.url, sources, startedAt, finishedAt: new Date() });
    const files = await writeVerificationReports(report, options.reportDir, secrets);
    io.out(`reports: ${files.json}, ${files.junit}`);
  }
  return exitCodeForOutcome(!result.passed);
}

function verdictLine(verdict: InteractionVerdict): string {
  if (verdict.passed) return `ok    ${verdict.description}`;
  // Without an answer the core can only name its own proxy's URL; hookproof knows what happened.
  const noAnswer = verdict.answer !== undefined && !/^\d{3}$/.test(verdict.answer);
  const why = noAnswer ? [`no answer from the receiver: ${verdict.answer ?? ''}`] : verdict.problems;
  // A pending pact's failure is shown with its reasons but does not fail the run.
  const label = verdict.pending === true ? 'PENDING ' : 'FAIL  ';
  return `${label}${verdict.description}${why.length > 0 ? `: ${why.join('; ')}` : ''}`;
}

interface ParsedVerifyOptions {
  url: string;
  secret?: string[];
  secretEnv?: string[];
  pact?: string[];
  brokerUrl?: string;
  provider?: string;
  brokerToken?: string;
  brokerUsername?: string;
  brokerPassword?: string;
  consumerVersionSelector?: string[];
  publishResults?: boolean;
  providerVersion?: string;
  providerBranch?: string;
  providerTags?: string[];
  enablePending?: boolean;
  includeWipPactsSince?: string;
  buildUrl?: string;
  logLevel: string;
  timeoutMs?: number;
  deadline?: number;
  brokerTimeout?: number;
  reportDir?: string;
  header?: Record<string, string>;
}

/** Whether results are published: --publish-results, else PACT_BROKER_PUBLISH_VERIFICATION_RESULTS=true (as the Pact tools read it). */
function publishRequested(flag: boolean | undefined, env: Readonly<Record<string, string | undefined>>): boolean {
  if (flag === true) return true;
  return /^(true|1|yes)$/i.test(env.PACT_BROKER_PUBLISH_VERIFICATION_RESULTS ?? '');
}

/** Turns the command line into typed options; every inconsistency is a one-line usage error. */
export function pactVerifyOptions(o: ParsedVerifyOptions, env: Readonly<Record<string, string | undefined>>): PactVerifyOptions {
  const logLevel = LOG_LEVELS.find((level) => level === o.logLevel);
  if (logLevel === undefined) throw new UsageError(`--log-level must be one of ${LOG_LEVELS.join(', ')}, got "${o.logLevel}"`);
  const brokerUrl = o.brokerUrl ?? (o.pact === undefined ? nonEmpty(env.PACT_BROKER_BASE_URL) : undefined);
  if (o.pact !== undefined && brokerUrl !== undefined) throw new UsageError('give either --pact FILE or --broker-url URL, not both');
  if (o.pact === undefined && brokerUrl === undefined)
    throw new UsageError('give the pacts to verify: --pact FILE, or --broker-url URL (or PACT_BROKER_BASE_URL) with --provider NAME');
  if (brokerUrl !== undefined && o.provider === undefined) throw new UsageError('--broker-url needs --provider NAME');
  // The variable applies to broker sources only (CI often sets it globally); the flag is explicit.
  const publishResults = o.publishResults === true || (brokerUrl !== undefined && publishRequested(o.publishResults, env));
  const publishVia = o.publishResults === true ? '--publish-results' : 'PACT_BROKER_PUBLISH_VERIFICATION_RESULTS';
  if (publishResults && o.providerVersion === undefined) throw new UsageError(`${publishVia} needs --provider-version V`);
  if (publishResults && brokerUrl === undefined) throw new UsageError(`${publishVia} needs pacts from a broker (--broker-url)`);
  if (brokerUrl === undefined) {
    for (const [name, given] of [
      ['--enable-pending', o.enablePending],
      ['--include-wip-pacts-since', o.includeWipPactsSince],
      ['--provider-tags', o.providerTags],
    ] as const) {
      if (given !== undefined && given !== false) throw new UsageError(`${name} needs pacts from a broker (--broker-url)`);
    }
  }
  const token = o.brokerToken ?? nonEmpty(env.PACT_BROKER_TOKEN);
  const username = o.brokerUsername ?? nonEmpty(env.PACT_BROKER_USERNAME);
  const password = o.brokerPassword ?? nonEmpty(env.PACT_BROKER_PASSWORD);
  const selectors = o.consumerVersionSelector?.map(selectorFromJson);
  const providerTags = o.providerTags
    ?.flatMap((t) => t.split(','))
    .map((t) => t.trim())
    .filter((t) => t !== '');
  return {
    url: o.url,
    logLevel,
    ...secretSourcesOf(o),
    ...(o.pact !== undefined ? { pact: o.pact } : {}),
    ...(brokerUrl !== undefined && o.provider !== undefined
      ? {
          broker: {
            url: brokerUrl,
            provider: o.provider,
            ...(token !== undefined ? { token } : {}),
            ...(username !== undefined ? { username } : {}),
            ...(password !== undefined ? { password } : {}),
            ...(selectors !== undefined ? { consumerVersionSelectors: selectors } : {}),
            ...(o.providerBranch !== undefined ? { providerBranch: o.providerBranch } : {}),
            ...(o.enablePending === true ? { enablePending: true } : {}),
            ...(o.includeWipPactsSince !== undefined ? { includeWipPactsSince: o.includeWipPactsSince } : {}),
            ...(providerTags !== undefined && providerTags.length > 0 ? { providerTags } : {}),
            ...(o.brokerTimeout !== undefined ? { timeoutMs: o.brokerTimeout * 1000 } : {}),
          },
        }
      : {}),
    ...(publishResults && o.providerVersion !== undefined
      ? {
          publish: {
            providerVersion: o.providerVersion,
            ...(o.providerBranch !== undefined ? { providerBranch: o.providerBranch } : {}),
            ...(o.buildUrl !== undefined ? { buildUrl: o.buildUrl } : {}),
          },
        }
      : {}),
    ...(o.timeoutMs !== undefined ? { timeoutMs: o.timeoutMs } : {}),
    ...(o.deadline !== undefined ? { deadlineMs: o.deadline } : {}),
    ...(o.reportDir !== undefined ? { reportDir: o.reportDir } : {}),
    ...(o.header !== undefined ? { headers: o.header } : {}),
  };
}

function selectorFromJson(text: string): ConsumerVersionSelector {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new UsageError(`--consumer-version-selector must be a JSON object such as '{"mainBranch":true}', got ${text}`);
  }
  return value;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

export const pactVerifyCommand: CommandRegistration = {
  name: 'verify',
  define(command) {
    addSecretOptions(
      command
        .description('verify a receiver against HTTP pacts with the real Pact verifier, signing each request at verification time')
        .requiredOption('--url <url>', "the receiver's full URL as registered with gridX, path and query included (as for certify)"),
      "the receiver's secret (repeatable; the first signs); prefer --secret-env",
    ).addOption(new Option('--pact <file|dir|url>', 'a pact file, a directory of pact files, or an http(s) URL of a pact (repeatable)').argParser(collect));
    // Or the pacts come from a broker: --broker-url with --provider.
    addBrokerOptions(command)
      .option('--provider <name>', "the receiver's name in the broker (to fetch its pacts with --broker-url)")
      .addOption(
        new Option(
          '--consumer-version-selector <json>',
          'which consumer versions to verify, e.g. \'{"branch":"main"}\' (repeatable; default main branch and deployed or released)',
        ).argParser(collect),
      )
      .option('--publish-results', 'publish the verification results to the broker (default $PACT_BROKER_PUBLISH_VERIFICATION_RESULTS=true)')
      .option('--provider-version <version>', "the receiver's version, for published results")
      .option('--provider-branch <branch>', "the receiver's branch: sent when fetching pacts (matchingBranch selectors) and with published results")
      .addOption(new Option('--provider-tags <tag>', "the receiver's version tags, comma-separated or repeated").argParser(collect))
      .option('--enable-pending', 'pending pacts (never yet verified by this receiver) are reported but do not fail the run')
      .option('--include-wip-pacts-since <date>', 'also verify work-in-progress pacts published since this date (YYYY-MM-DD); needs --enable-pending')
      .option('--build-url <url>', 'the CI build that verified, shown by the broker with the published results')
      .option('--log-level <level>', `Pact core and pact-js log level: ${LOG_LEVELS.join(', ')}`, 'error')
      .addOption(
        numberOption('--broker-timeout', 'seconds', `deadline of each exchange with the broker: fetching the pacts, publishing the results (default ${BROKER_TIMEOUT_MS / 1000})`),
      )
      .addOption(numberOption('--timeout-ms', 'n', `per-request timeout towards the receiver (default ${DEFAULT_VERIFY_TIMEOUT_MS}, gridX's)`))
      .addOption(
        durationOption(
          '--deadline',
          `each run of the Pact verifier must end within this (default ${VERIFIER_START_MS / 1000}s + per interaction the request timeout + ${PROXY_SLACK_MS / 1000}s); past it the verifier is ended, exit 1`,
        ),
      )
      .addOption(reportDirOption('also write report.json and junit.xml there, as certify does'))
      .addOption(headerOption());
  },
  run(parsed, io) {
    return runPactVerify(pactVerifyOptions(parsed.opts<ParsedVerifyOptions>(), io.env ?? process.env), io);
  },
};
