import { UsageError } from '../errors';

const UNITS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/**
 * Milliseconds of a duration such as `500ms`, `30s`, `2m`, `1h` or `1.5s`; a bare number is
 * seconds. Throws `UsageError` naming `option` for anything else, zero included.
 */
export function parseDuration(option: string, text: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)?$/.exec(text.trim());
  const unit = UNITS[match?.[2] ?? 's'];
  const ms = match === null || unit === undefined ? Number.NaN : Math.round(Number(match[1]) * unit);
  if (!Number.isFinite(ms) || ms <= 0) {
    throw new UsageError(`${option} must be a positive duration such as 500ms, 30s, 2m or 1h, got "${text}"`);
  }
  return ms;
}
