import { parseTarget } from '../../delivery/parseTarget';
import { SecretMissingError, UsageError } from '../../errors';
import type { BrokerConnection } from '../broker/brokerConnection';
import { brokerClient } from '../broker/brokerHttp';
import { pactsForVerification, type PactToVerify } from '../broker/pactsForVerification';
import { publishVerificationResult } from '../broker/publishVerificationResult';
import { BROKER_TIMEOUT_MS } from '../broker/runPactCli';
import { bodyBytes } from './exactBody';
import { loadPactSources } from './pactSources';
import type { HttpVerificationResult } from './verificationResult';
import type { VerifierJob } from './verifierMessages';
import { gridx } from '../../contract/gridx';
import { verifierDeadlineMs } from './verifierDeadline';
import { verifyInChild, type VerifierOutput } from './verifyInChild';
import { terminalSafeWriter } from '../../text/terminalWriter';

/** Where the pacts to verify come from: a Pact Broker (or PactFlow). */
export interface BrokerSource {
  readonly url: string;
  /** The receiver's name as a pacticipant: the broker returns the pacts it is the provider of. */
  readonly provider: string;
  /** Bearer token; else PACT_BROKER_TOKEN. */
  readonly token?: string;
  /** Basic auth; else PACT_BROKER_USERNAME / PACT_BROKER_PASSWORD. */
  readonly username?: string;
  readonly password?: string;
  /**
   * Which consumer versions' pacts to verify. Default: the consumer's main branch and whatever is
   * deployed or released, as the Pact docs recommend.
   */
  readonly consumerVersionSelectors?: readonly ConsumerVersionSelector[];
  /**
   * The receiver's branch, sent when fetching the pacts (so a `matchingBranch` selector finds the
   * consumer's pacts of the same branch) and with published results.
   */
  readonly providerBranch?: string;
  /** Pending pacts (not yet verified successfully by this provider) fail without failing the run. */
  readonly enablePending?: boolean;
  /** Also verify work-in-progress pacts published since this date (YYYY-MM-DD); needs enablePending. */
  readonly includeWipPactsSince?: string;
  /** The receiver's version tags (the older alternative to branches), for fetching and results. */
  readonly providerTags?: readonly string[];
  /**
   * Deadline of each exchange with the broker in ms (fetching the pacts; publishing the results),
   * default 30 s: a broker that never answers fails the run in bounded time.
   */
  readonly timeoutMs?: number;
}

/** A Pact Broker consumer version selector, e.g. `{ mainBranch: true }` or `{ branch: 'feat-x' }`. */
export interface ConsumerVersionSelector {
  readonly mainBranch?: boolean;
  readonly branch?: string;
  readonly matchingBranch?: boolean;
  readonly deployedOrReleased?: boolean;
  readonly deployed?: boolean;
  readonly released?: boolean;
  readonly environment?: string;
  readonly tag?: string;
  readonly latest?: boolean;
  readonly consumer?: string;
  readonly fallbackTag?: string;
}

/** The selectors the Pact docs recommend for a provider's verification. */
export const DEFAULT_CONSUMER_VERSION_SELECTORS: readonly ConsumerVersionSelector[] = [{ mainBranch: true }, { deployedOrReleased: true }];

/** Log levels of the Pact core and pact-js; `trace` is left out: it logs the verifier's options. */
export type VerifierLogLevel = 'error' | 'warn' | 'info' | 'debug';

/** gridX's deadline for an answer (DLV-1): the default per-request timeout, as in `certify`. */
export const DEFAULT_VERIFY_TIMEOUT_MS = gridx.deadlineMs;

/** Options of {@link verifyHttpPact}. Give `pactFiles` or `broker`, not both. */
export interface VerifyHttpPactOptions {
  /**
   * The receiver's full URL, path and query exactly as registered with gridX (as `certify` takes
   * it): every request goes there, in place of the interactions' own path.
   */
  readonly url: string;
  /** The receiver's current secrets; the first signs the valid requests. Never logged. */
  readonly secrets: readonly string[];
  /** Pact files, directories of pact files, or http(s) URLs of pacts. */
  readonly pactFiles?: readonly string[];
  readonly broker?: BrokerSource;
  /** Publish the results to the broker (a broker source only). */
  readonly publish?: {
    readonly providerVersion: string;
    readonly providerBranch?: string;
    /** Where the CI build that verified is, shown by the broker with the result. */
    readonly buildUrl?: string;
  };
  /** Default "error": only what went wrong. */
  readonly logLevel?: VerifierLogLevel;
  /** Per-request timeout towards the receiver in milliseconds (default gridX's deadline, `gridx.deadlineMs`). */
  readonly timeoutMs?: number;
  /** Headers added to every request to the receiver (`-H`); the interaction's own headers win. */
  readonly headers?: Readonly<Record<string, string>>;
  /**
   * The deadline of each run of the Pact verifier in milliseconds (one run for the local pact
   * files; one per pact from a broker). Default: {@link verifierDeadlineMs} of its interactions,
   * one minute of start-up plus each interaction's request timeout and 2 s. Past it, the verifier's
   * process is ended and the call rejects with a DeadlineExceededError.
   */
  readonly deadlineMs?: number;
  /**
   * Where the Pact core's own report goes, line by line. Default: this process's stdout and
   * stderr, every line escaped (the core runs in a process of its own, so its text cannot reach
   * the terminal raw).
   */
  readonly output?: VerifierOutput;
}

/**
 * Verifies a receiver against HTTP pacts with the real Pact verifier (pact-js's `Verifier` over
 * the Rust Pact core), signing every request at verification time over the exact bytes sent, as
 * each interaction's provider state says (see `createSigningHooks`).
 *
 * Resolves the result as data, failed or not; the core's own report goes to `output`. Throws SecretMissingError, TargetInvalidError, InputUnreadableError or UsageError for
 * what the caller must fix, and a HookproofError `INTERNAL` when the verifier cannot run at all.
 *
 * Unless PACT_DO_NOT_TRACK is already set, it is set to "true": the Pact core otherwise sends
 * anonymous usage metrics over the network.
 */
export async function verifyHttpPact(options: VerifyHttpPactOptions): Promise<HttpVerificationResult> {
  if (options.secrets.length === 0 || options.secrets.some((s) => s === '')) throw new SecretMissingError('pact verify needs the receiver secret');
  receiverUrl(options.url);
  const { pactFiles, broker, publish } = options;
  if ((pactFiles === undefined || pactFiles.length === 0) === (broker === undefined)) {
    throw new UsageError('give the pacts to verify: --pact FILE, or --broker-url URL with --provider NAME (not both)');
  }
  process.env.PACT_DO_NOT_TRACK ??= 'true';
  if (broker !== undefined) return verifyFromBroker(options, broker);
  if (publish !== undefined) throw new UsageError('--publish-results needs pacts from a broker (--broker-url): results of a local file have nowhere to go');
  return runVerifier(options, await loadPactSources(pactFiles ?? []));
}

/**
 * The broker's pacts, fetched by hookproof itself within the broker deadline (the verifier's own
 * broker client has none), verified one pact at a time with their exact bodies, pending ones
 * reported without failing the run; then each result published, a refusal failing the run.
 */
async function verifyFromBroker(options: VerifyHttpPactOptions, broker: BrokerSource): Promise<HttpVerificationResult> {
  const query = brokerQuery(broker);
  const connection = brokerConnection(broker);
  const timeoutMs = broker.timeoutMs ?? BROKER_TIMEOUT_MS;
  const pacts = await pactsForVerification(brokerClient(connection, timeoutMs), query);
  const results: Array<{ pact: PactToVerify; result: HttpVerificationResult }> = [];
  for (const pact of pacts) {
    const result = await runVerifier(options, [pact]);
    results.push({ pact, result: pact.pending ? { ...result, interactions: result.interactions.map((v) => (v.passed ? v : { ...v, pending: true })) } : result });
  }
  const { publish } = options;
  if (publish !== undefined) {
    // A client of its own: the deadline covers the exchange with the broker, not the verification.
    const client = brokerClient(connection, timeoutMs);
    const tags = broker.providerTags ?? [];
    const branch = broker.providerBranch ?? publish.providerBranch;
    for (const { pact, result } of results) {
      await publishVerificationResult(client, pact, result.passed, {
        version: publish.providerVersion,
        ...(branch !== undefined ? { branch } : {}),
        ...(tags.length > 0 ? { tags } : {}),
        ...(publish.buildUrl !== undefined ? { buildUrl: publish.buildUrl } : {}),
      });
    }
  }
  const interactions = results.flatMap(({ result }) => result.interactions);
  return { passed: interactions.every((v) => v.passed || v.pending === true), interactions };
}

/** Verifies local pact files in the verifier's own process, its report passed to `options.output`, within the deadline. */
function runVerifier(options: VerifyHttpPactOptions, pacts: ReadonlyArray<{ readonly file: string; readonly pact: PactInteractions }>): Promise<HttpVerificationResult> {
  receiverUrl(options.url);
  const timeoutMs = options.timeoutMs ?? DEFAULT_VERIFY_TIMEOUT_MS;
  const job: VerifierJob = {
    url: options.url,
    secrets: options.secrets,
    files: pacts.map((p) => p.file),
    exactBodies: exactBodiesOf(pacts.map((p) => p.pact)),
    timeoutMs,
    logLevel: options.logLevel ?? 'error',
    ...(options.headers !== undefined ? { headers: options.headers } : {}),
  };
  const interactions = pacts.reduce((sum, p) => sum + p.pact.interactions.length, 0);
  return verifyInChild(job, options.output ?? consoleOutput(), options.deadlineMs ?? verifierDeadlineMs(interactions, timeoutMs));
}

interface PactInteractions {
  readonly interactions: readonly unknown[];
}

/** The process's own console, through hookproof's escaping sink. */
function consoleOutput(): VerifierOutput {
  return {
    out: terminalSafeWriter((line) => process.stdout.write(`${line}\n`)),
    err: terminalSafeWriter((line) => process.stderr.write(`${line}\n`)),
  };
}

/** The receiver's URL, checked as `certify` checks a target (credentials refused in one line). */
function receiverUrl(url: string): { origin: string } {
  const { origin } = parseTarget(url);
  return { origin };
}

/** The broker's URL: http(s), without credentials (they go in the token or user options). */
function brokerUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UsageError(`--broker-url is not a URL: "${url}"`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new UsageError(`--broker-url must be http:// or https://, got ${parsed.protocol}//…`);
  if (parsed.username !== '' || parsed.password !== '') {
    throw new UsageError(`--broker-url must not carry credentials (${parsed.protocol}//…@${parsed.host}): use --broker-token or PACT_BROKER_USERNAME/PACT_BROKER_PASSWORD`);
  }
  return url;
}

function brokerQuery(broker: BrokerSource): Parameters<typeof pactsForVerification>[1] {
  if (broker.provider.trim() === '') throw new UsageError('--broker-url needs --provider NAME');
  if (broker.includeWipPactsSince !== undefined && !/^\d{4}-\d{2}-\d{2}/.test(broker.includeWipPactsSince)) {
    throw new UsageError(`--include-wip-pacts-since must be a date such as 2026-01-31, got "${broker.includeWipPactsSince}"`);
  }
  if (broker.includeWipPactsSince !== undefined && broker.enablePending !== true)
    throw new UsageError('--include-wip-pacts-since needs --enable-pending (WIP pacts are verified as pending)');
  const tags = (broker.providerTags ?? []).filter((t) => t.trim() !== '');
  return {
    provider: broker.provider,
    consumerVersionSelectors: (broker.consumerVersionSelectors ?? DEFAULT_CONSUMER_VERSION_SELECTORS).map((selector) => ({ ...selector })),
    ...(broker.providerBranch !== undefined && broker.providerBranch !== '' ? { providerVersionBranch: broker.providerBranch } : {}),
    ...(tags.length > 0 ? { providerVersionTags: tags } : {}),
    ...(broker.enablePending === true ? { includePendingStatus: true } : {}),
    ...(broker.includeWipPactsSince !== undefined ? { includeWipPactsSince: broker.includeWipPactsSince } : {}),
  };
}

function brokerConnection(broker: BrokerSource): BrokerConnection {
  const url = brokerUrl(broker.url);
  if (broker.token !== undefined) return { url, auth: { kind: 'token', token: broker.token } };
  if (broker.username !== undefined && broker.password !== undefined) return { url, auth: { kind: 'basic', username: broker.username, password: broker.password } };
  return { url, auth: { kind: 'none' } };
}

/** The exact request bodies of the pacts' interactions, in order. */
function exactBodiesOf(pacts: readonly PactInteractions[]): Uint8Array[] {
  return pacts.flatMap((pact) =>
    pact.interactions.flatMap((interaction) => {
      const body = typeof interaction === 'object' && interaction !== null ? (interaction as { request?: { body?: unknown } }).request?.body : undefined;
      const bytes = bodyBytes(body);
      return bytes === undefined ? [] : [bytes];
    }),
  );
}
