import { redactSecrets } from './redactSecrets';

/**
 * A deep copy of `value` with every string value passed through {@link redactSecrets}. Keys are
 * never touched: they are the report's own structure (`signature`, `checks`, `testcase` …), and a
 * secret that happens to spell one must not break the document. Redacting values before
 * rendering keeps each format valid (a JSON string stays a JSON string) and catches a secret
 * before any escaping could disguise it.
 */
export function redactValue<T>(value: T, secrets: readonly string[]): T {
  if (secrets.length === 0) return value;
  return walk(value, secrets) as T;
}

function walk(value: unknown, secrets: readonly string[]): unknown {
  if (typeof value === 'string') return redactSecrets(value, secrets);
  if (Array.isArray(value)) return value.map((item: unknown) => walk(item, secrets));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, walk(item, secrets)]));
  }
  return value;
}
