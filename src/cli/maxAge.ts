import { UsageError } from '../errors';

const UNITS: Readonly<Record<string, number>> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `--max-age` as milliseconds: a whole number with a unit, `90d`, `12h`, `30m`, `45s`; nothing around it. */
export function parseMaxAge(text: string): number {
  const match = /^([1-9][0-9]{0,5})(s|m|h|d)$/.exec(text);
  const unit = UNITS[match?.[2] ?? ''];
  if (match === null || unit === undefined) throw new UsageError(`--max-age must be a whole number with a unit, such as 90d, 12h, 30m or 45s, got "${text}"`);
  return Number(match[1]) * unit;
}

/** An age in the largest unit that keeps it readable: "3 d 4 h", "5 h 2 m", "42 s". */
export function describeAge(ms: number): string {
  const s = Math.floor(Math.abs(ms) / 1000);
  const sign = ms < 0 ? '-' : '';
  if (s >= 86_400) return `${sign}${Math.floor(s / 86_400)} d ${Math.floor((s % 86_400) / 3600)} h`;
  if (s >= 3600) return `${sign}${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} m`;
  if (s >= 60) return `${sign}${Math.floor(s / 60)} m ${s % 60} s`;
  return `${sign}${s} s`;
}
