import type { DeliveryResult } from './DeliveryResult';

/**
 * One human-readable line for a delivery result, for logs and reports:
 * `"204 success in 12 ms"`, `"timeout after 5000 ms"`, `"error CONNECTION_RESET: other side closed"`.
 */
export function describeResult(result: DeliveryResult): string {
  const ms = Math.round(result.durationMs);
  // A status next to a timeout or error means the headers arrived but the body did not.
  const partial = result.status !== undefined ? ` (status ${result.status} received, body incomplete)` : '';
  switch (result.outcome) {
    case 'timeout':
      return `timeout after ${ms} ms${partial}`;
    case 'error': {
      const code = result.error?.code ?? 'OTHER';
      const message = result.error?.message ?? 'unknown error';
      return `error ${code}: ${message}${partial}`;
    }
    default: {
      const truncated = result.bodyTruncated ? ' (response body truncated)' : '';
      return `${result.status ?? '?'} ${result.outcome} in ${ms} ms${truncated}`;
    }
  }
}
