import { Option } from 'commander';
import { UsageError } from '../errors';

const PER: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3600 };

/** The hard ceiling of any rate hookproof offers, events per second (README, "Capacity"). */
export const MAX_CAPACITY_RATE = 20_000;

/**
 * Events per second from `120`, `120/s`, `7200/m` or `1.5/s`: strictly positive, at most
 * {@link MAX_CAPACITY_RATE}; anything else is a one-line usage error naming the option.
 */
export function parseRate(option: string, text: string): number {
  const match = /^(\d+(?:\.\d+)?)(?:\/(s|m|h))?$/.exec(text);
  const per = PER[match?.[2] ?? 's'];
  const rate = match === null || per === undefined ? Number.NaN : Number(match[1]) / per;
  if (!Number.isFinite(rate) || rate <= 0) throw new UsageError(`${option} must be a rate such as 50, 50/s or 3000/m, got "${text}"`);
  if (rate > MAX_CAPACITY_RATE) throw new UsageError(`${option} must be at most ${MAX_CAPACITY_RATE}/s (hookproof's hard ceiling), got "${text}"`);
  return rate;
}

export function rateOption(option: string, description: string): Option {
  return new Option(`${option} <rate>`, description).argParser((value: string) => parseRate(option, value));
}
