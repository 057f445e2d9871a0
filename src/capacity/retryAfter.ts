import type { DeliveryResult } from '../delivery/DeliveryResult';

/** Retry-After in ms: delay-seconds or an HTTP date; at most `capMs`, so a receiver cannot stall the run. */
export function retryAfterMs(result: DeliveryResult, capMs: number): number | undefined {
  const value = result.headers['retry-after'];
  if (value === undefined) return undefined;
  const seconds = /^\s*(\d+)\s*$/.exec(value);
  const ms = seconds !== null ? Number(seconds[1]) * 1000 : Date.parse(value) - Date.now();
  return Number.isFinite(ms) ? Math.min(capMs, Math.max(0, ms)) : undefined;
}
