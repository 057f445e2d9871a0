import { UsageError } from '../errors';

/** Parses a whole-number option value, with a one-line error naming the option. */
export function wholeNumber(option: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim())) throw new UsageError(`${option} must be a whole number, got "${value}"`);
  return Number(value);
}

/** Splits a comma-separated option (repeatable) into trimmed, non-empty names. */
export function nameList(values: readonly string[] | undefined): string[] | undefined {
  if (values === undefined) return undefined;
  const names = values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => v !== '');
  return names.length > 0 ? names : undefined;
}

/** Commander collector for repeatable options. */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}
