import { UsageError } from '../errors';
import { integerInRange } from '../integerInRange';
import type { DeliveryClient } from './DeliveryClient';
import type { DeliveryRequest } from './DeliveryRequest';
import type { DeliveryResult } from './DeliveryResult';
import { isRetryable } from './isRetryable';

/** gridX's retry policy: up to `retries` more attempts, waiting `baseDelayMs * factor^(n-1)` before retry n. */
export type RetryOptions = {
  /** Attempts after the first. Default 5 ("retried up to five more times"). */
  retries?: number;
  /** Wait before the first retry. Default 1000 ms; tests use a few ms. */
  baseDelayMs?: number;
  /** Growth of the wait from one retry to the next. Default 2. */
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
  const { baseDelayMs = 1000, factor = 2, shouldRetry = isRetryable } = options;
  const retries = integerInRange(options.retries ?? 5, { min: 0, max: Number.MAX_SAFE_INTEGER }, (got) => `retries must be a non-negative integer, got ${got}`);
  // Bounded so every wait (up to base × factor^retries) stays a timer Node honours.
  if (!Number.isFinite(baseDelayMs) || baseDelayMs < 0 || baseDelayMs * factor ** Math.max(0, retries - 1) > 2 ** 31 - 1) {
    throw new UsageError(`baseDelayMs must be >= 0 and keep every wait within 2^31-1 ms, got ${baseDelayMs}`);
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
    const delay = baseDelayMs * factor ** delaysMs.length;
    delaysMs.push(delay);
    await sleep(delay);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
