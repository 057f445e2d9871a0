import type { VerifierOptions } from '@pact-foundation/pact';
import { parseTarget } from '../../delivery/parseTarget';
import { InternalError } from '../../errors';
import { loadVerifier } from './loadVerifier';
import { createSigningHooks, type SignedRequest } from './signingHooks';
import { parseVerificationResult, type HttpVerificationResult } from './verificationResult';
import { PROXY_SLACK_MS } from './verifierDeadline';
import type { VerifierJob } from './verifierMessages';

/**
 * Runs pact-js's Verifier over local pact files, signing each request over its exact body. The
 * native Pact core prints its report straight to this process's standard output: run it in a
 * process of its own (`verifyInChild`), whose output hookproof reads and escapes.
 */
export async function verifyInThisProcess(job: VerifierJob): Promise<HttpVerificationResult> {
  const { origin } = parseTarget(job.url);
  const hooks = createSigningHooks({
    secrets: job.secrets,
    target: job.url,
    timeoutMs: job.timeoutMs,
    exactBodies: job.exactBodies,
    ...(job.headers !== undefined ? { extraHeaders: job.headers } : {}),
  });
  const Verifier = loadVerifier();
  const verifier = new Verifier({
    providerBaseUrl: origin,
    pactUrls: [...job.files],
    // pact-js types stateHandlers as HTTP and message handlers at once, which no handler can be;
    // at run time HTTP state handlers with setup/teardown are exactly what it calls.
    stateHandlers: hooks.stateHandlers as unknown as NonNullable<VerifierOptions['stateHandlers']>,
    requestFilter: hooks.requestFilter,
    logLevel: job.logLevel,
    timeout: job.timeoutMs + PROXY_SLACK_MS,
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
