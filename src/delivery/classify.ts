/**
 * How gridX reads a delivery's outcome (receiver-contract.md, "What the receiver must answer").
 *
 * - `success`: 200, 201, 202, 204; the body is ignored.
 * - `transient`: 408, 429, 500, 502, 503, 504; retried with exponential backoff.
 * - `gone`: 410; gridX deletes the subscription.
 * - `permanent`: every other status (203, 206, 3xx redirects, other 4xx/5xx); not retried.
 * - `timeout`: no complete answer in time; gridX treats it as transient.
 */
export type Classification = 'success' | 'transient' | 'gone' | 'permanent' | 'timeout';

const SUCCESS: ReadonlySet<number> = new Set([200, 201, 202, 204]);
const TRANSIENT: ReadonlySet<number> = new Set([408, 429, 500, 502, 503, 504]);

/**
 * Classifies an HTTP status exactly as gridX does. The sets are closed lists on purpose: a status
 * that merely "looks" successful (203, 206) or a redirect is a permanent error for gridX.
 */
export function classifyStatus(status: number): Exclude<Classification, 'timeout'> {
  if (SUCCESS.has(status)) return 'success';
  if (TRANSIENT.has(status)) return 'transient';
  if (status === 410) return 'gone';
  return 'permanent';
}
