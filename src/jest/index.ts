/**
 * `hookproof/jest`: hookproof inside a partner's own jest suite.
 *
 * ```ts
 * import { describeReceiverConformance, gridxMatchers } from 'hookproof/jest';
 *
 * expect.extend(gridxMatchers);
 * describeReceiverConformance({ url: process.env.RECEIVER_URL!, secret: process.env.GRIDX_SECRET! });
 * ```
 *
 * The generators, the engine and the reference receiver come from `hookproof` itself. Importing
 * this module loads nothing heavy (the certification run is loaded by `describeReceiverConformance`,
 * the engine by the first matcher that needs it), and it declares the matchers' types for the
 * global `expect` (`@types/jest`) and for `import { expect } from '@jest/globals'`.
 */
import type * as Adapter from './describeReceiverConformance';

export type { ConformanceSuite } from './describeReceiverConformance';
export type { Deferred, ReceiverConformanceOptions, SecretOption } from './conformanceOptions';
export type { JestGlobals } from './jestGlobals';
export { createGridxMatchers, gridxMatchers, type GridxMatchers, type MatcherResult, type MatcherState } from './matchers';
export type { EventTypeName, GridxMatcherSignatures } from './matcherTypes';

// eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy on purpose (above); the build is CommonJS
const adapter = (): typeof Adapter => require('./describeReceiverConformance') as typeof Adapter;
/** One jest test per selected check against the receiver at `options.url`, as `hookproof certify` runs them. */
export const describeReceiverConformance: typeof Adapter.describeReceiverConformance = (...args) => adapter().describeReceiverConformance(...args);
