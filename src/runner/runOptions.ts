import type { CertifyOptions } from './certifyOptions';

/**
 * The options of one run that `certify`, `fleet` and a fleet's targets take under the same names
 * and hand on unchanged when given: written once, so that an option added here reaches every one
 * of them.
 */
export const RUN_OPTION_KEYS = ['checks', 'seed', 'runs', 'timeoutMs', 'maxEventBytes', 'concurrency'] as const;

/** Those options, as CertifyOptions types them. */
export type RunOptions = Pick<CertifyOptions, (typeof RUN_OPTION_KEYS)[number]>;

/** `keys` of `source` that are set; an undefined one is left out rather than passed on as `undefined`. */
export type Defined<T, K extends keyof T> = { [P in K]?: Exclude<T[P], undefined> };

/**
 * The given `keys` of `source` whose value is not undefined: how an optional option is passed on
 * without setting it to `undefined` (which `exactOptionalPropertyTypes` refuses, and which would
 * override a default further down).
 */
export function pickDefined<T extends object, K extends keyof T>(source: T, keys: readonly K[]): Defined<T, K> {
  const picked: Partial<Record<K, unknown>> = {};
  for (const key of keys) if (source[key] !== undefined) picked[key] = source[key];
  return picked as Defined<T, K>;
}
