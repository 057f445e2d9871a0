import { describeResult, type DeliveryResult } from '../delivery';
import type { Judgement } from './checkContext';

// Worded after gridX's rules (receiver-contract.md, "What the receiver must answer"): success is
// exactly 200/201/202/204; gridX retries only 408, 429, 500, 502, 503, 504 and timeouts; 410
// deletes the subscription; every other status is permanent (not retried).

/** The answer gridX counts as delivered. */
export function expectSuccess(result: DeliveryResult): Judgement {
  return { ok: result.outcome === 'success', expected: 'a success status (200, 201, 202 or 204) in time' };
}

/** The answer to an unauthenticated request. */
export function expectUnauthorized(result: DeliveryResult): Judgement {
  return { ok: result.status === 401 && result.outcome !== 'timeout' && result.outcome !== 'error', expected: '401' };
}

/** Anything gridX does not retry and that does not delete the subscription (EVT-6). */
export function expectNotTransient(result: DeliveryResult): Judgement {
  return {
    ok: result.outcome === 'success' || result.outcome === 'permanent',
    expected:
      'a status gridX does not retry: 200, 201, 202 or 204, or any other status except 408, 429, 500, 502, 503, 504 (retried) and 410 (deletes the subscription); an answer within the timeout',
  };
}

/** Accepted, or refused with a permanent 4xx (EVT-5, EVT-7): a 5xx says the receiver crashed, even one gridX does not retry. */
export function expectSuccessOrPermanent4xx(result: DeliveryResult): Judgement {
  const status = result.status ?? 0;
  return {
    ok: result.outcome === 'success' || (result.outcome === 'permanent' && status >= 400 && status < 500),
    expected:
      '200, 201, 202 or 204, or a 4xx other than 408 and 429 (retried by gridX) and 410 (deletes the subscription); not a 5xx (a crash, even 501 or 505, which gridX does not retry), not a redirect, an answer within the timeout',
  };
}

export { describeResult };
