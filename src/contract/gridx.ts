import type { WebhookContract } from './WebhookContract';

/**
 * gridX's webhook rules (receiver-contract.md): the one place their numbers are written.
 *
 * - signature: `X-Signature: sha512=<128 hex digits>`, HMAC-SHA-512 of the raw body, one digest per
 *   secret gridX signs with: the five most recent at most (a rotation), so 1 to 5 digests; no
 *   signed timestamp, so no tolerance;
 * - deadline: a complete answer within 5 s (DLV-1), else a timeout, which gridX treats as transient;
 * - retries: up to five more attempts with exponential backoff (1 s, then doubling), same bytes;
 * - statuses: 200, 201, 202, 204 succeed; 408, 429, 500, 502, 503, 504 are transient; 410 deletes
 *   the subscription; everything else (203, 206, redirects, other 4xx and 5xx) is permanent.
 */
export const gridx: WebhookContract = deepFreeze({
  provider: 'gridX',
  signature: {
    header: 'X-Signature',
    algorithm: 'sha512',
    label: 'sha512',
    hexDigits: 128,
    digests: { min: 1, max: 5 },
    timestampToleranceMs: undefined,
  },
  deadlineMs: 5000,
  retry: { retries: 5, baseDelayMs: 1000, factor: 2 },
  statuses: {
    success: [200, 201, 202, 204],
    transient: [408, 429, 500, 502, 503, 504],
    gone: [410],
  },
});

function deepFreeze<T extends object>(value: T): T {
  for (const inner of Object.values(value)) {
    if (typeof inner === 'object' && inner !== null) deepFreeze(inner as object);
  }
  return Object.freeze(value);
}
