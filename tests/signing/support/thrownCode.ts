import { HookproofError } from '../../../src/errors';

/**
 * The code of the HookproofError `run` throws; `'none'` when it returns, `'not a HookproofError'`
 * for anything else thrown. Typed, unlike `toThrow(expect.objectContaining(...))`, whose matcher is `any`.
 */
export function thrownCode(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return error instanceof HookproofError ? error.code : 'not a HookproofError';
  }
  return 'none';
}
