import { Option } from 'commander';
import { UsageError } from '../../../errors';
import type { InteractionVerdict } from '../../../pact/http/verificationResult';
import { verifyHttpPact, type BrokerSource, type ConsumerVersionSelector, type VerifierLogLevel } from '../../../pact/http/verifyHttpPact';
import type { CommandRegistration, CommonOptions } from '../../command';
import { exitCodeForOutcome, type ExitCode } from '../../exitCodes';
import type { CliIO } from '../../io';
import { collect, wholeNumber } from '../../parseNumbers';
import { resolveSecrets, type SecretSources } from '../../secrets';

const LOG_LEVELS: readonly VerifierLogLevel[] = ['error', 'warn', 'info', 'debug'];

/** Typed options of `pact verify`. */
export interface PactVerifyOptions extends CommonOptions, SecretSources {
  readonly url: string;
  readonly pact?: readonly string[];
  readonly broker?: BrokerSource;
  readonly publish?: { readonly providerVersion: string; readonly providerBranch?: string };
  readonly logLevel: VerifierLogLevel;
  readonly timeoutMs?: number;
}

/**
 * `hookproof pact verify`: runs the real Pact verifier against a receiver, signing each request
 * as its provider state asks. The Pact core prints its own report; this adds one line per
 * interaction and a total. Exit 0 when every interaction passed, 1 otherwise.
 */
export async function runPactVerify(options: PactVerifyOptions, io: CliIO): Promise<ExitCode> {
  const secrets = resolveSecrets(options, io.env ?? process.env);
  const result = await verifyHttpPact({
    url: options.url,
    secrets,
    logLevel: options.logLevel,
    ...(options.pact !== undefined ? { pactFiles: options.pact } : {}),
    ...(options.broker !== undefined ? { broker: options.broker } : {}),
    ...(options.publish !== undefined ? { publish: options.publish } : {}),
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
  });
  for (const verdict of result.interactions) io.out(verdictLine(verdict));
  const failed = result.interactions.filter((v) => !v.passed).length;
  io.out(`pact verify: ${result.interactions.length} interactions, ${failed} failed${result.passed ? '' : ' (verification failed)'}`);
  return exitCodeForOutcome(!result.passed);
}

function verdictLine(verdict: InteractionVerdict): string {
  if (verdict.passed) return `ok    ${verdict.description}`;
  // Without an answer the core can only name its own proxy's URL; hookproof knows what happened.
  const noAnswer = verdict.answer !== undefined && !/^\d{3}$/.test(verdict.answer);
  const why = noAnswer ? [`no answer from the receiver: ${verdict.answer ?? ''}`] : verdict.problems;
  return `FAIL  ${verdict.description}${why.length > 0 ? `: ${why.join('; ')}` : ''}`;
}

interface ParsedVerifyOptions {
  spec: string;
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
  publishResults: boolean;
  providerVersion?: string;
  providerBranch?: string;
  logLevel: string;
  timeoutMs?: string;
}

/** Turns the command line into typed options; every inconsistency is a one-line usage error. */
export function pactVerifyOptions(o: ParsedVerifyOptions, env: Readonly<Record<string, string | undefined>>): PactVerifyOptions {
  const logLevel = LOG_LEVELS.find((level) => level === o.logLevel);
  if (logLevel === undefined) throw new UsageError(`--log-level must be one of ${LOG_LEVELS.join(', ')}, got "${o.logLevel}"`);
  const brokerUrl = o.brokerUrl ?? (o.pact === undefined ? nonEmpty(env.PACT_BROKER_BASE_URL) : undefined);
  if (o.pact !== undefined && brokerUrl !== undefined) throw new UsageError('give either --pact FILE or --broker-url URL, not both');
  if (o.pact === undefined && brokerUrl === undefined) throw new UsageError('give the pacts to verify: --pact FILE, or --broker-url URL (or PACT_BROKER_BASE_URL) with --provider NAME');
  if (brokerUrl !== undefined && o.provider === undefined) throw new UsageError('--broker-url needs --provider NAME');
  if (o.publishResults && o.providerVersion === undefined) throw new UsageError('--publish-results needs --provider-version V');
  if (o.publishResults && brokerUrl === undefined) throw new UsageError('--publish-results needs pacts from a broker (--broker-url)');
  const timeoutMs = wholeNumber('--timeout-ms', o.timeoutMs);
  const token = o.brokerToken ?? nonEmpty(env.PACT_BROKER_TOKEN);
  const username = o.brokerUsername ?? nonEmpty(env.PACT_BROKER_USERNAME);
  const password = o.brokerPassword ?? nonEmpty(env.PACT_BROKER_PASSWORD);
  const selectors = o.consumerVersionSelector?.map(selectorFromJson);
  return {
    spec: o.spec,
    url: o.url,
    logLevel,
    ...(o.secret !== undefined ? { secret: o.secret } : {}),
    ...(o.secretEnv !== undefined ? { secretEnv: o.secretEnv } : {}),
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
          },
        }
      : {}),
    ...(o.publishResults && o.providerVersion !== undefined
      ? { publish: { providerVersion: o.providerVersion, ...(o.providerBranch !== undefined ? { providerBranch: o.providerBranch } : {}) } }
      : {}),
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
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
  return value as ConsumerVersionSelector;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}

export const pactVerifyCommand: CommandRegistration = {
  name: 'verify',
  define(command) {
    command
      .description('verify a receiver against HTTP pacts with the real Pact verifier, signing each request at verification time')
      .requiredOption('--url <url>', "the receiver's base URL (the contract's path is appended)")
      .addOption(new Option('--secret <value>', "the receiver's secret (repeatable; the first signs); prefer --secret-env").argParser(collect))
      .addOption(new Option('--secret-env <name>', 'read a secret from this environment variable (repeatable)').argParser(collect))
      .addOption(new Option('--pact <file>', 'a pact file to verify (repeatable)').argParser(collect))
      .option('--broker-url <url>', 'fetch the pacts from this Pact Broker (default $PACT_BROKER_BASE_URL)')
      .option('--provider <name>', "the receiver's name in the broker")
      .option('--broker-token <token>', 'broker bearer token (default $PACT_BROKER_TOKEN)')
      .option('--broker-username <user>', 'broker basic-auth user (default $PACT_BROKER_USERNAME)')
      .option('--broker-password <password>', 'broker basic-auth password (default $PACT_BROKER_PASSWORD)')
      .addOption(
        new Option('--consumer-version-selector <json>', 'which consumer versions to verify, e.g. \'{"branch":"main"}\' (repeatable; default main branch and deployed or released)').argParser(collect),
      )
      .option('--publish-results', 'publish the verification results to the broker', false)
      .option('--provider-version <version>', "the receiver's version, for published results")
      .option('--provider-branch <branch>', "the receiver's branch, for published results")
      .option('--log-level <level>', `Pact core and pact-js log level: ${LOG_LEVELS.join(', ')}`, 'error')
      .option('--timeout-ms <n>', 'per-request timeout of the verifier (default 30000)');
  },
  run(parsed, io) {
    return runPactVerify(pactVerifyOptions(parsed.opts<ParsedVerifyOptions>(), io.env ?? process.env), io);
  },
};
