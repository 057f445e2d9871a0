import type { DeliveryResult } from './DeliveryResult';

/**
 * Whether gridX's retry policy delivers again after this result.
 *
 * gridX retries transient statuses and timeouts (receiver-contract.md). It says nothing about
 * connections that fail outright; hookproof treats "no answer at all" like a timeout, because from
 * the sender's side both mean the receiver was not there: refused and reset connections and DNS
 * failures are retried. TLS failures and protocol errors are not: they are configuration or
 * implementation defects that a few seconds of backoff will not fix, so retrying only hides them.
 * Success, gone and permanent answers are final by definition.
 */
export function isRetryable(result: DeliveryResult): boolean {
  switch (result.outcome) {
    case 'transient':
    case 'timeout':
      return true;
    case 'error': {
      const code = result.error?.code;
      return code === 'CONNECTION_REFUSED' || code === 'CONNECTION_RESET' || code === 'DNS';
    }
    default:
      return false;
  }
}
