import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { VerifierOptions } from '@pact-foundation/pact';
import { HookproofError, InputUnreadableError, SecretMissingError, TargetInvalidError, UsageError } from '../../errors';
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

/** Options of {@link verifyHttpPact}. Give `pactFiles` or `broker`, not both. */
export interface VerifyHttpPactOptions {
  /** The receiver's base URL; each interaction's path (and query) is appended to it. */
  readonly url: string;
  /** The receiver's current secrets; the first signs the valid requests. Never logged. */
  readonly secrets: readonly string[];
  readonly pactFiles?: readonly string[];
  readonly broker?: BrokerSource;
  /** Publish the results to the broker (a broker source only). */
  readonly publish?: { readonly providerVersion: string; readonly providerBranch?: string };
  /** Default "error": only what went wrong. */
  readonly logLevel?: VerifierLogLevel;
  /** Per-request timeout of the verifier in milliseconds (default 30000). */
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
  const providerBaseUrl = baseUrl(options.url);
  const source = sourceOptions(options);
  process.env.PACT_DO_NOT_TRACK ??= 'true';
  const hooks = createSigningHooks({ secrets: options.secrets, target: providerBaseUrl, timeoutMs: options.timeoutMs ?? 30_000 });
  const Verifier = loadVerifier();
  const verifier = new Verifier({
    providerBaseUrl,
    ...source,
    ...(options.publish !== undefined
      ? {
          publishVerificationResult: true,
          providerVersion: options.publish.providerVersion,
          ...(options.publish.providerBranch !== undefined ? { providerVersionBranch: options.publish.providerBranch } : {}),
        }
      : {}),
    // pact-js types stateHandlers as HTTP and message handlers at once, which no handler can be;
    // at run time HTTP state handlers with setup/teardown are exactly what it calls.
    stateHandlers: hooks.stateHandlers as unknown as VerifierOptions['stateHandlers'],
    requestFilter: hooks.requestFilter,
    logLevel: options.logLevel ?? 'error',
    // A little longer than the delivery's own timeout, so that a receiver that hangs is reported
    // by hookproof ("timeout after … ms") rather than as a failed request to the verifier's proxy.
    timeout: (options.timeoutMs ?? 30_000) + 2_000,
    failIfNoPactsFound: true,
  });
  let text: string;
  try {
    text = String(await verifier.verifyProvider());
  } catch (error) {
    text = typeof error === 'object' && error !== null && typeof (error as Error).message === 'string' ? (error as Error).message : String(error);
  } finally {
    await hooks.close();
  }
  const result = parseVerificationResult(text);
  if (result === undefined) throw new HookproofError('INTERNAL', `the Pact verifier could not run: ${text.split('\n')[0] ?? ''}`);
  return withAnswers(result, hooks.sent());
}

/** Adds what the receiver answered to each verdict, when every interaction sent one request. */
function withAnswers(result: HttpVerificationResult, sent: readonly SignedRequest[]): HttpVerificationResult {
  if (sent.length !== result.interactions.length) return result;
  return { ...result, interactions: result.interactions.map((verdict, i) => ({ ...verdict, answer: sent[i]?.outcome ?? '' })) };
}

function baseUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new TargetInvalidError(`--url is not a URL: "${url}"`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new TargetInvalidError(`--url must be http:// or https://, got "${url}"`);
  if (parsed.search !== '' || parsed.hash !== '') throw new TargetInvalidError('--url is the receiver\'s base URL: the path and query come from the contract');
  return parsed.href.replace(/\/+$/, '');
}

function sourceOptions(options: VerifyHttpPactOptions): Record<string, unknown> {
  const { pactFiles, broker, publish } = options;
  if ((pactFiles === undefined || pactFiles.length === 0) === (broker === undefined)) {
    throw new UsageError('give the pacts to verify: --pact FILE, or --broker-url URL with --provider NAME (not both)');
  }
  if (broker !== undefined) {
    if (broker.provider.trim() === '') throw new UsageError('--broker-url needs --provider NAME');
    baseUrl(broker.url);
    return {
      provider: broker.provider,
      pactBrokerUrl: broker.url,
      consumerVersionSelectors: (broker.consumerVersionSelectors ?? DEFAULT_CONSUMER_VERSION_SELECTORS).map((selector) => ({ ...selector })),
      ...(broker.token !== undefined ? { pactBrokerToken: broker.token } : {}),
      ...(broker.username !== undefined ? { pactBrokerUsername: broker.username } : {}),
      ...(broker.password !== undefined ? { pactBrokerPassword: broker.password } : {}),
    };
  }
  if (publish !== undefined) throw new UsageError('--publish-results needs pacts from a broker (--broker-url): results of a local file have nowhere to go');
  return { pactUrls: (pactFiles ?? []).map(checkedPactFile) };
}

/** The absolute path of a pact file that exists and is a pact with interactions. */
function checkedPactFile(file: string): string {
  if (!existsSync(file) || !statSync(file).isFile()) throw new InputUnreadableError(file, new Error('no such file'));
  let pact: unknown;
  try {
    pact = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new InputUnreadableError(file, error);
  }
  const interactions = typeof pact === 'object' && pact !== null ? (pact as { interactions?: unknown }).interactions : undefined;
  if (!Array.isArray(interactions)) throw new UsageError(`${file} is not a pact file: it has no "interactions" array`);
  return resolve(file);
}
