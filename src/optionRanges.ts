import { integerInRange, type IntegerRange } from './integerInRange';

/** The largest signed 32-bit integer, written once: both bounds below are it. */
const INT32_MAX = 2 ** 31 - 1;

/**
 * The largest delay Node's timers honour: a longer one overflows and fires after about 1 ms, so a
 * huge timeout or duration would silently mean "at once".
 */
export const MAX_TIMER_MS = INT32_MAX;

/** The bound (exclusive) of the seed a run draws when given none: a seed that prints short. */
export const MAX_DRAWN_SEED = INT32_MAX;

/**
 * Every number option's documented range (README, "Option ranges"), checked before anything runs.
 * Keys are the options as the user types them, so messages name them that way.
 */
export const OPTION_RANGES = {
  '--timeout-ms': { min: 1, max: MAX_TIMER_MS },
  // gridX's fifth retry waits 16× the base: the base is bounded so that wait is a real timer too.
  '--retry-base-ms': { min: 1, max: 600_000 },
  '--concurrency': { min: 1, max: 256 },
  '--runs': { min: 1, max: 100_000 },
  '--seed': { min: 0, max: Number.MAX_SAFE_INTEGER },
  '--port': { min: 0, max: 65_535 },
  '--count': { min: 1, max: 1_000_000 },
  '--max-body': { min: 1024, max: 64 * 1024 * 1024 },
  // certify: the largest body generated. The floor leaves room for EVT-4's 10,000-character field.
  '--max-event-bytes': { min: 16_384, max: 16 * 1024 * 1024 },
  '--for': { min: 1, max: MAX_TIMER_MS },
  '--retry-window': { min: 1, max: MAX_TIMER_MS },
  // pact verify: each run of the Pact verifier.
  '--deadline': { min: 1, max: MAX_TIMER_MS },
  // capacity: the sustained phase, the outage whose backlog CAP-2 delivers, one --find-max step.
  '--duration': { min: 100, max: 3_600_000 },
  '--outage': { min: 100, max: 3_600_000 },
  '--step': { min: 100, max: 3_600_000 },
  '--max-in-flight': { min: 1, max: 4096 },
  // fleet: receivers certified at once, and deliveries per second across the whole fleet.
  '--parallel': { min: 1, max: 64 },
  '--rate': { min: 1, max: 100_000 },
  // Pact broker commands: retries while a verification is unknown, seconds between them, and the
  // bounded time a broker command may take (a gate fails closed in bounded time).
  '--retry-while-unknown': { min: 0, max: 1000 },
  '--retry-interval': { min: 1, max: 3600 },
  '--broker-timeout': { min: 1, max: 3600 },
} as const satisfies Readonly<Record<string, IntegerRange>>;

/** A number option's name, as typed. */
export type RangedOption = keyof typeof OPTION_RANGES;

/** The one-line explanation of a value outside its option's range. */
export function rangeMessage(option: RangedOption, got: string): string {
  const { min, max } = OPTION_RANGES[option];
  return `${option} must be a whole number from ${min} to ${max}, got "${got}"`;
}

/**
 * `value` (a number, or the text the user typed) when it is a whole number within the option's
 * documented range; otherwise a UsageError naming the option as typed (see {@link rangeMessage}).
 * Library callers get the same checks and messages as the CLI.
 */
export function optionInRange(option: RangedOption, value: number | string): number {
  return integerInRange(value, OPTION_RANGES[option], (got) => rangeMessage(option, got));
}
