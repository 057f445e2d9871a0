import { describeResult, type DeliveryResult } from '../delivery';
import type { Judgement } from './checkContext';

/** The answer gridX counts as delivered. */
export function expectSuccess(result: DeliveryResult): Judgement {
  return { ok: result.outcome === 'success', expected: 'a success status (200, 201, 202 or 204) in time' };
}

/** The answer to an unauthenticated request. */
export function expectUnauthorized(result: DeliveryResult): Judgement {
  return { ok: result.status === 401 && result.outcome !== 'timeout' && result.outcome !== 'error', expected: '401' };
}

/** Anything but a retry trigger or a subscription deletion: success or a permanent error. */
export function expectNotTransient(result: DeliveryResult): Judgement {
  return { ok: result.outcome === 'success' || result.outcome === 'permanent', expected: 'success or a permanent error status (not 408/429/5xx, not 410, not a timeout)' };
}

/** Accepted, or refused with a permanent 4xx (EVT-5, EVT-7). */
export function expectSuccessOrPermanent4xx(result: DeliveryResult): Judgement {
  const status = result.status ?? 0;
  return {
    ok: result.outcome === 'success' || (result.outcome === 'permanent' && status >= 400 && status < 500),
    expected: 'success, or a permanent 4xx (not 408/410/429, not 5xx, not a timeout)',
  };
}

export { describeResult };
