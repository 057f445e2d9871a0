import { gridx } from './gridx';
import type { WebhookContract } from './WebhookContract';

/**
 * How a provider reads a delivery's outcome (receiver-contract.md, "What the receiver must answer"),
 * for gridX:
 *
 * - `success`: 200, 201, 202, 204; the body is ignored.
 * - `transient`: 408, 429, 500, 502, 503, 504; retried with exponential backoff.
 * - `gone`: 410; gridX deletes the subscription.
 * - `permanent`: every other status (203, 206, 3xx redirects, other 4xx/5xx); not retried.
 * - `timeout`: no complete answer in time; gridX treats it as transient.
 */
export type Classification = 'success' | 'transient' | 'gone' | 'permanent' | 'timeout';

/**
 * Classifies an HTTP status exactly as the provider does (gridX by default). The classes are closed
 * lists on purpose: a status that merely "looks" successful (203, 206) or a redirect is a
 * permanent error for gridX.
 */
export function classifyStatus(status: number, contract: WebhookContract = gridx): Exclude<Classification, 'timeout'> {
  const { statuses } = contract;
  if (statuses.success.includes(status)) return 'success';
  if (statuses.transient.includes(status)) return 'transient';
  if (statuses.gone.includes(status)) return 'gone';
  return 'permanent';
}
