import { UsageError } from '../errors';

/**
 * The part of jest's test API the adapter uses. The globals jest injects fit it, and so do the
 * exports of `@jest/globals` (pass them as the `jest` option when `injectGlobals` is false).
 */
export interface JestGlobals {
  describe(name: string, fn: () => void): void;
  test(name: string, fn: () => Promise<void>, timeout?: number): void;
  beforeAll(fn: () => Promise<void> | void, timeout?: number): void;
  afterAll(fn: () => Promise<void> | void, timeout?: number): void;
}

const NAMES = ['describe', 'test', 'beforeAll', 'afterAll'] as const;

/** jest's injected globals; throws a one-line UsageError outside a jest test file. */
export function injectedJestGlobals(): JestGlobals {
  const scope = globalThis as unknown as Partial<Record<(typeof NAMES)[number], unknown>>;
  const missing = NAMES.filter((name) => typeof scope[name] !== 'function');
  if (missing.length > 0) {
    throw new UsageError(
      `describeReceiverConformance must be called in a jest test file (no global ${missing.join(', ')}); with injectGlobals: false, pass { jest: { describe, test, beforeAll, afterAll } } from '@jest/globals'`,
    );
  }
  return scope as unknown as JestGlobals;
}
