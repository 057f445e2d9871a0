import { setTimeout as sleep } from 'node:timers/promises';
import type { DeliveryResult } from '../delivery/DeliveryResult';
import { signedRequest, type CapacityTarget } from './capacityTarget';
import { answerText } from './judgeCapacity';
import { retryAfterMs } from './retryAfter';

/** Attempts of the one event, and the longest wait between two (a Retry-After above it is cut). */
const ATTEMPTS = 3;
const MAX_WAIT_MS = 5000;

/** Whether the receiver accepted one valid, signed event before any load; if not, its answer in words. */
export type Preflight = { readonly accepted: true } | { readonly accepted: false; readonly answer: string };

/**
 * One valid, correctly signed event before any load, retried twice (after 1 s, or what a
 * Retry-After asks, up to 5 s) when the answer is transient, as gridX retries. A receiver that
 * accepts none fails something more basic than capacity (it cannot be reached, its certificate is
 * not trusted, it refuses the signature or the event): the CAP requirements are then not
 * exercised rather than failed, and no load is sent that could only repeat the same answer.
 */
export async function preflight(target: Pick<CapacityTarget, 'url' | 'secrets' | 'signatureHeader' | 'extraHeaders' | 'client' | 'feed' | 'signal'>): Promise<Preflight> {
  const request = signedRequest(target, target.feed.next());
  let result: DeliveryResult | undefined;
  for (let attempt = 1; attempt <= ATTEMPTS && target.signal?.aborted !== true; attempt += 1) {
    result = await target.client.send(request);
    if (result.outcome === 'success') return { accepted: true };
    if (result.outcome !== 'transient' && result.outcome !== 'timeout') break;
    if (attempt < ATTEMPTS) await sleep(waitMs(result), undefined, target.signal !== undefined ? { signal: target.signal } : {}).catch(() => undefined);
  }
  return { accepted: false, answer: result === undefined ? 'stopped before it was sent' : describe(result) };
}

/** gridX's first retry wait, or longer when a Retry-After asks (up to MAX_WAIT_MS). */
function waitMs(result: DeliveryResult): number {
  return Math.max(1000, retryAfterMs(result, MAX_WAIT_MS) ?? 0);
}

/** The answer as a partner reads it, worded as the other capacity summaries word it. */
function describe(result: DeliveryResult): string {
  const text = answerText({
    ...(result.status !== undefined ? { status: result.status } : {}),
    answer: result.body.subarray(0, 300).toString('utf8'),
    ...(result.error !== undefined ? { error: result.error.message } : {}),
    outcome: result.outcome,
  });
  return result.status !== undefined ? `answered ${text}` : `no answer: ${text}`;
}
