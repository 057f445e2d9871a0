/**
 * `hookproof/jest`: hookproof inside a partner's own jest suite.
 *
 * ```ts
 * import { describeReceiverConformance, gridxMatchers, typedEventArbitrary } from 'hookproof/jest';
 *
 * expect.extend(gridxMatchers);
 * describeReceiverConformance({ url: process.env.RECEIVER_URL!, secret: process.env.GRIDX_SECRET! });
 * ```
 *
 * Importing this module also declares the matchers' types for the global `expect` (`@types/jest`)
 * and for `import { expect } from '@jest/globals'`.
 */
export { describeReceiverConformance, type ConformanceSuite } from './describeReceiverConformance';
export type { Deferred, ReceiverConformanceOptions, SecretOption } from './conformanceOptions';
export type { JestGlobals } from './jestGlobals';
export { createGridxMatchers, gridxMatchers, type GridxMatchers, type MatcherResult, type MatcherState } from './matchers';
export type { EventTypeName, GridxMatcherSignatures } from './matcherTypes';
// The check catalogue, to pick checks per file (e.g. `CHECKS.filter((c) => c.requirement.startsWith('SIG-'))`).
export { CHECKS, type Check } from '../checks';
export { REQUIREMENTS, type RequirementId } from '../contract';

// Generators for partners' own property tests, typed per event type.
export { typedEventArbitrary, anyTypedEventArbitrary } from '../typegen/typedArbitraries';
export type { GridxEvent, GridxEventMap, GridxEventOf, GridxEventType } from '../generated/gridxEvents';
export { GRIDX_EVENT_TYPES } from '../generated/gridxEvents';
export {
  eventArbitrary,
  anyEventArbitrary,
  invalidEventArbitrary,
  anyInvalidEventArbitrary,
  type EventArbitraryOptions,
  type AnyEventOptions,
  type InvalidCase,
} from '../arbitraries';
export { signatureCaseArbitrary, sign, verifySignature } from '../signing';
export { type SignatureCase } from '../contract';
export { serialiseEvent } from '../serialise';
export { createEngine, type Engine } from '../engine';
export { startReferenceReceiver, type ReferenceReceiver } from '../receiver';
