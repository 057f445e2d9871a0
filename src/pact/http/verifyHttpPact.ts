import type { VerifierOptions } from '@pact-foundation/pact';
import { parseTarget } from '../../delivery/parseTarget';
import { SecretMissingError, UsageError, InternalError } from '../../errors';
import { bodyBytes } from './exactBody';
import { loadPactSources } from './pactSources';
import { loadVerifier } from './loadVerifier';
import { createSigningHooks, type SignedRequest } from './signingHooks';
import { parseVerificationResult, type HttpVerificationResult } from './verificationResult';

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

/** gridX waits 5 seconds for an answer (DLV-1): the default per-request timeout, as in `certify`. */
export const DEFAULT_VERIFY_TIMEOUT_MS = 5_000;

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
  /** Per-request timeout towards the receiver in milliseconds (default 5000, gridX's). */
  readonly timeoutMs?: number;
}

/**
 * Verifies a receiver against HTTP pacts with the real Pact verifier (pact-js's `Verifier` over
 * the Rust Pact core), signing every request at verification time over the exact bytes sent, as
 * each interaction's provider state says (see `createSigningHooks`).
 *
 * Resolves the result as data, failed or not; the core also prints its own report to standard
 * output. Throws SecretMissingError, TargetInvalidError, InputUnreadableError or UsageError for
 * what the caller must fix, and a HookproofError `INTERNAL` when the verifier cannot run at all.
 *
 * Unless PACT_DO_NOT_TRACK is already set, it is set to "true": the Pact core otherwise sends
 * anonymous usage metrics over the network.
 */
export async function verifyHttpPact(options: VerifyHttpPactOptions): Promise<HttpVerificationResult> {
  if (options.secrets.length === 0 || options.secrets.some((s) => s === '')) throw new SecretMissingError('pact verify needs the receiver secret');
  const target = receiverUrl(options.url);
  const timeoutMs = options.timeoutMs ?? DEFAULT_VERIFY_TIMEOUT_MS;
  const { verifierOptions: source, exactBodies } = await sourceOptions(options);
  process.env.PACT_DO_NOT_TRACK ??= 'true';
  const hooks = createSigningHooks({ secrets: options.secrets, target: options.url, timeoutMs, exactBodies });
  const Verifier = loadVerifier();
  const branch = options.broker?.providerBranch ?? options.publish?.providerBranch;
  const verifier = new Verifier({
    providerBaseUrl: target.origin,
    ...source,
    ...(branch !== undefined && branch !== '' ? { providerVersionBranch: branch } : {}),
    ...(options.publish !== undefined
      ? {
          publishVerificationResult: true,
          providerVersion: options.publish.providerVersion,
          ...(options.publish.buildUrl !== undefined ? { buildUrl: options.publish.buildUrl } : {}),
        }
      : {}),
    // pact-js types stateHandlers as HTTP and message handlers at once, which no handler can be;
    // at run time HTTP state handlers with setup/teardown are exactly what it calls.
    stateHandlers: hooks.stateHandlers as unknown as NonNullable<VerifierOptions['stateHandlers']>,
    requestFilter: hooks.requestFilter,
    logLevel: options.logLevel ?? 'error',
    // A little longer than the delivery's own timeout, so that a receiver that hangs is reported
    // by hookproof ("timeout after … ms") rather than as a failed request to the verifier's proxy.
    timeout: timeoutMs + 2_000,
    failIfNoPactsFound: true,
  });
  let text: string;
  try {
    // Declared a string, but it is the Pact core's FFI result, passed on unchecked.
    const result: unknown = await verifier.verifyProvider();
    text = String(result);
  } catch (error) {
    text = typeof error === 'object' && error !== null && typeof (error as Error).message === 'string' ? (error as Error).message : String(error);
  } finally {
    await hooks.close();
  }
  const result = parseVerificationResult(text);
  if (result === undefined) throw new InternalError(`the Pact verifier could not run: ${text.split('\n')[0] ?? ''}`);
  return withAnswers(result, hooks.sent());
}

/** Adds what the receiver answered to each verdict, when every interaction sent one request. */
function withAnswers(result: HttpVerificationResult, sent: readonly SignedRequest[]): HttpVerificationResult {
  if (sent.length !== result.interactions.length) return result;
  return { ...result, interactions: result.interactions.map((verdict, i) => ({ ...verdict, answer: sent[i]?.outcome ?? '' })) };
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

interface Source {
  readonly verifierOptions: Record<string, unknown>;
  /** The exact request bodies of local pacts (none for a broker: the verifier fetches those). */
  readonly exactBodies: readonly Uint8Array[];
}

async function sourceOptions(options: VerifyHttpPactOptions): Promise<Source> {
  const { pactFiles, broker, publish } = options;
  if ((pactFiles === undefined || pactFiles.length === 0) === (broker === undefined)) {
    throw new UsageError('give the pacts to verify: --pact FILE, or --broker-url URL with --provider NAME (not both)');
  }
  if (broker !== undefined) {
    if (broker.provider.trim() === '') throw new UsageError('--broker-url needs --provider NAME');
    if (broker.includeWipPactsSince !== undefined && !/^\d{4}-\d{2}-\d{2}/.test(broker.includeWipPactsSince)) {
      throw new UsageError(`--include-wip-pacts-since must be a date such as 2026-01-31, got "${broker.includeWipPactsSince}"`);
    }
    if (broker.includeWipPactsSince !== undefined && broker.enablePending !== true)
      throw new UsageError('--include-wip-pacts-since needs --enable-pending (WIP pacts are verified as pending)');
    const tags = (broker.providerTags ?? []).filter((t) => t.trim() !== '');
    return {
      verifierOptions: {
        provider: broker.provider,
        pactBrokerUrl: brokerUrl(broker.url),
        consumerVersionSelectors: (broker.consumerVersionSelectors ?? DEFAULT_CONSUMER_VERSION_SELECTORS).map((selector) => ({ ...selector })),
        ...(broker.token !== undefined ? { pactBrokerToken: broker.token } : {}),
        ...(broker.username !== undefined ? { pactBrokerUsername: broker.username } : {}),
        ...(broker.password !== undefined ? { pactBrokerPassword: broker.password } : {}),
        ...(broker.enablePending === true ? { enablePending: true } : {}),
        ...(broker.includeWipPactsSince !== undefined ? { includeWipPactsSince: broker.includeWipPactsSince } : {}),
        ...(tags.length > 0 ? { providerVersionTags: tags } : {}),
      },
      exactBodies: [],
    };
  }
  if (publish !== undefined) throw new UsageError('--publish-results needs pacts from a broker (--broker-url): results of a local file have nowhere to go');
  const loaded = await loadPactSources(pactFiles ?? []);
  const exactBodies = loaded.flatMap(({ pact }) =>
    pact.interactions.flatMap((interaction) => {
      const body = typeof interaction === 'object' && interaction !== null ? (interaction as { request?: { body?: unknown } }).request?.body : undefined;
      const bytes = bodyBytes(body);
      return bytes === undefined ? [] : [bytes];
    }),
  );
  return { verifierOptions: { pactUrls: loaded.map((p) => p.file) }, exactBodies };
}
