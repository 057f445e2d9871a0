import type { DeliveryResult } from './DeliveryResult';
import { gridx } from '../contract/gridx';
import { STALL_MIN_MS } from './stallProbe';

/**
 * Whether hookproof's own delay could explain why `result` was late: a timeout, or an answer after
 * the deadline judged (gridX's 5 s, or the run's own timeout when shorter), while hookproof's
 * process stalled, and the receiver did not have the request for the whole deadline (it left late,
 * or never). Such a result is no evidence against the receiver (DLV-1): the delivery is sent again.
 *
 * For a timeout, a stall after the request left takes nothing from the receiver: an answer that
 * arrives during it is still read before the deadline is enforced (see DeliveryClient). But that
 * answer is then measured late by the stall's length: a late answer is also excused when the
 * stall alone accounts for its lateness.
 */
export function ownDelayExplains(result: DeliveryResult, timeoutMs: number): boolean {
  const own = result.ownDelay;
  if (own === undefined || own.stalledMs < STALL_MIN_MS) return false;
  const deadline = Math.min(timeoutMs, gridx.deadlineMs);
  const late = result.outcome === 'timeout' || result.durationMs > deadline;
  const receiverHadMs = own.sentAfterMs === undefined ? 0 : result.durationMs - own.sentAfterMs;
  if (!late) return false;
  if (receiverHadMs < deadline) return true;
  return result.outcome !== 'timeout' && result.durationMs - own.stalledMs <= deadline;
}

/** Why a result stays unjudged after every re-send was stalled too. */
export function inconclusiveReason(result: DeliveryResult, attempts: number): string {
  const stalled = Math.round(result.ownDelay?.stalledMs ?? 0);
  const left = result.ownDelay?.sentAfterMs;
  const leftText = left === undefined ? 'the request never left' : `the request left after ${Math.round(left)} ms`;
  return `hookproof's own process stalled ${stalled} ms during this delivery (${leftText}); sent ${attempts} time(s), stalled each time, so the receiver's timing could not be judged`;
}
