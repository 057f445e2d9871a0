import { createEngine, type Engine } from '../../src/engine';

let cached: Engine | undefined;

/** The engine over the project's spec, built once per test file. */
export function defaultEngine(): Engine {
  cached ??= createEngine();
  return cached;
}
