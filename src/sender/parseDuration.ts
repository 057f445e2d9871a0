import { UsageError } from '../errors';
import { MAX_TIMER_MS } from '../optionRanges';

const UNITS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/**
 * Milliseconds of a duration such as `500ms`, `30s`, `2m`, `1h` or `1.5s`; a bare number is
 * seconds, at most 2^31−1 ms (about 24.8 days: a longer timer would fire at once). Throws
 * `UsageError` naming `option` for anything else, zero included.
 */
export function parseDuration(option: string, text: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)?$/.exec(text.trim());
  const unit = UNITS[match?.[2] ?? 's'];
  const ms = match === null || unit === undefined ? Number.NaN : Math.round(Number(match[1]) * unit);
  if (!Number.isFinite(ms) || ms <= 0) {
    throw new UsageError(`${option} must be a positive duration such as 500ms, 30s, 2m or 1h, got "${text}"`);
  }
  if (ms > MAX_TIMER_MS) throw new UsageError(`${option} must be at most ${MAX_TIMER_MS} ms (about 24 days), got "${text}"`);
  return ms;
}
