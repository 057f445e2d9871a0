import { UsageError } from '../errors';
import { OPTION_RANGES } from '../optionRanges';

const UNITS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
const DAY_MS = 86_400_000;

/** The options that take a duration; their bounds, in milliseconds, are in OPTION_RANGES. */
export type DurationOption = '--for' | '--retry-window' | '--duration' | '--outage' | '--step' | '--deadline';

/**
 * Milliseconds of a duration such as `500ms`, `30s`, `2m`, `1h` or `1.5s`; a bare number is
 * seconds. Within the option's OPTION_RANGES bounds: at least 1 ms, at most 2^31−1 ms (about 24.8
 * days: a longer timer would fire at once). Throws `UsageError` naming `option` for anything else,
 * zero included.
 */
export function parseDuration(option: DurationOption, text: string): number {
  const { min, max } = OPTION_RANGES[option];
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)?$/.exec(text.trim());
  const unit = UNITS[match?.[2] ?? 's'];
  const ms = match === null || unit === undefined ? Number.NaN : Math.round(Number(match[1]) * unit);
  if (!Number.isFinite(ms) || ms < min) {
    throw new UsageError(`${option} must be a positive duration such as 500ms, 30s, 2m or 1h, got "${text}"`);
  }
  if (ms > max) throw new UsageError(`${option} must be at most ${max} ms (about ${Math.floor(max / DAY_MS)} days), got "${text}"`);
  return ms;
}
