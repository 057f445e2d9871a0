import { describeResult, type DeliveryResult } from '../delivery';
import type { Judgement } from './checkContext';
import { gridx } from '../contract/gridx';
import { listStatuses } from '../contract/listStatuses';

// Worded after gridX's rules (receiver-contract.md, "What the receiver must answer"), read from
// `gridx.statuses`: success, transient (retried, as are timeouts), gone; every other status is
// permanent (not retried).
const { success, transient, gone } = gridx.statuses;
const transient4xx = transient.filter((status) => status < 500);

/** The answer gridX counts as delivered. */
export function expectSuccess(result: DeliveryResult): Judgement {
  return { ok: result.outcome === 'success', expected: `a success status (${listStatuses(success, 'or')}) in time` };
}

/** The answer to an unauthenticated request. */
export function expectUnauthorized(result: DeliveryResult): Judgement {
  return { ok: result.status === 401 && result.outcome !== 'timeout' && result.outcome !== 'error', expected: '401' };
}

/** Anything gridX does not retry and that does not delete the subscription (EVT-6). */
export function expectNotTransient(result: DeliveryResult): Judgement {
  return {
    ok: result.outcome === 'success' || result.outcome === 'permanent',
    expected: `a status gridX does not retry: ${listStatuses(success, 'or')}, or any other status except ${listStatuses(transient)} (retried) and ${listStatuses(gone, 'and')} (deletes the subscription); an answer within the timeout`,
  };
}

/** Accepted, or refused with a permanent 4xx (EVT-5, EVT-7): a 5xx says the receiver crashed, even one gridX does not retry. */
export function expectSuccessOrPermanent4xx(result: DeliveryResult): Judgement {
  const status = result.status ?? 0;
  return {
    ok: result.outcome === 'success' || (result.outcome === 'permanent' && status >= 400 && status < 500),
    expected: `${listStatuses(success, 'or')}, or a 4xx other than ${listStatuses(transient4xx, 'and')} (retried by gridX) and ${listStatuses(gone, 'and')} (deletes the subscription); not a 5xx (a crash, even 501 or 505, which gridX does not retry), not a redirect, an answer within the timeout`,
  };
}

export { describeResult };
