import { UsageError } from '../errors';
import { integerInRange } from '../integerInRange';
import type { DeliveryClient } from './DeliveryClient';
import type { DeliveryRequest } from './DeliveryRequest';
import type { DeliveryResult } from './DeliveryResult';
import { isRetryable } from './isRetryable';
import { gridx } from '../contract/gridx';
import { retryDelayMs } from '../contract/retryPolicy';
import { MAX_TIMER_MS } from '../optionRanges';

/** A retry policy (gridX's, `gridx.retry`, by default): up to `retries` more attempts, waiting `baseDelayMs * factor^(n-1)` before retry n. */
export type RetryOptions = {
  /** Attempts after the first. Default gridX's ("retried up to five more times"). */
  retries?: number;
  /** Wait before the first retry. Default gridX's; tests use a few ms. */
  baseDelayMs?: number;
  /** Growth of the wait from one retry to the next. Default gridX's. */
  factor?: number;
  /** Which results are retried. Default {@link isRetryable}. */
  shouldRetry?: (result: DeliveryResult) => boolean;
};

/** Every attempt in order, the last one (`final`), and the wait before each retry. */
export type RetryResult = {
  attempts: DeliveryResult[];
  final: DeliveryResult;
  delaysMs: number[];
};

/**
 * Delivers `request` the way gridX does, retrying transient answers, timeouts and connection
 * failures with exponential backoff until an answer is final or the retries are used up. The same
 * request object (same bytes, same headers, same signature) is sent on every attempt, as gridX
 * re-sends the stored delivery rather than re-signing it. The backoff has no jitter so runs are
 * reproducible.
 */
export async function deliverWithRetries(client: Pick<DeliveryClient, 'send'>, request: DeliveryRequest, options: RetryOptions = {}): Promise<RetryResult> {
  const { baseDelayMs = gridx.retry.baseDelayMs, factor = gridx.retry.factor, shouldRetry = isRetryable } = options;
  const retries = integerInRange(options.retries ?? gridx.retry.retries, { min: 0, max: Number.MAX_SAFE_INTEGER }, (got) => `retries must be a non-negative integer, got ${got}`);
  // Bounded so every wait (up to base × factor^retries) stays a timer Node honours.
  if (!Number.isFinite(baseDelayMs) || baseDelayMs < 0 || retryDelayMs({ baseDelayMs, factor, retries }, Math.max(1, retries)) > MAX_TIMER_MS) {
    throw new UsageError(`baseDelayMs must be >= 0 and keep every wait within ${MAX_TIMER_MS} ms, got ${baseDelayMs}`);
  }
  if (!Number.isFinite(factor) || factor < 1) {
    throw new UsageError(`factor must be >= 1, got ${factor}`);
  }
  const attempts: DeliveryResult[] = [];
  const delaysMs: number[] = [];
  for (;;) {
    const result = await client.send(request);
    attempts.push(result);
    if (attempts.length > retries || !shouldRetry(result)) return { attempts, final: result, delaysMs };
    const delay = retryDelayMs({ baseDelayMs, factor, retries }, delaysMs.length + 1);
    delaysMs.push(delay);
    await sleep(delay);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
