import type { RetryPolicy } from './WebhookContract';

/** The wait before retry `n` (1-based) under `policy`: `baseDelayMs × factor^(n−1)`. */
export function retryDelayMs(policy: RetryPolicy, n: number): number {
  return policy.baseDelayMs * policy.factor ** (n - 1);
}
