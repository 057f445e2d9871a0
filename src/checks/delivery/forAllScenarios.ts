import fc from 'fast-check';
import type { DeliveryResult } from '../../delivery';
import { caseSeed } from '../../runner/caseSeed';
import type { CheckContext, OutgoingCase, PropertyOutcome } from '../checkContext';

/** A delivery a scenario judged wrong: the case to blame, its answer, and what was expected. */
export interface Finding {
  readonly outgoing: OutgoingCase;
  readonly result: DeliveryResult;
  readonly expected: string;
  /** Replaces the one-line description of `result` when several answers tell the story (retries). */
  readonly actual?: string;
}

/** How a scenario sends: `ctx.send`, plus whether to stop (the receiver looks hung or gone). */
export interface ScenarioIO {
  send(outgoing: OutgoingCase): Promise<DeliveryResult>;
  stopped(): boolean;
}

/**
 * A property whose cases are several deliveries each (a duplicate, an out-of-order pair, a
 * concurrent batch, a retried delivery): `ctx.forAll` sends exactly one request per case.
 */
export interface ScenarioSpec<T> {
  /** Unique in the catalogue (the seed derives from it): use the check id. */
  readonly name: string;
  readonly arbitrary: fc.Arbitrary<T>;
  readonly runs?: number;
  /** Shrink a failing value (default true); scenarios that cost seconds per case turn it off. */
  readonly shrink?: boolean;
  /** Sends the value's deliveries and judges them; undefined when all were answered rightly. */
  play(value: T, io: ScenarioIO): Promise<Finding | undefined>;
}

// The framework's per-check hang guard (createCheckContext) is internal; this mirrors its budget.
const TIMEOUT_BUDGET = 2;

/** Runs a scenario property like `ctx.forAll`: same seeding, shrinking, hang guard and outcome. */
export async function forAllScenarios<T>(ctx: CheckContext, spec: ScenarioSpec<T>): Promise<PropertyOutcome> {
  let cases = 0;
  let timeouts = 0;
  let gone = false;
  let stoppedEarly: string | undefined;
  let last: Finding | undefined;
  const stopReason = (): string | undefined => {
    if (gone) return 'the receiver answered 410 Gone';
    return timeouts >= TIMEOUT_BUDGET ? `the receiver timed out ${timeouts} time(s); remaining cases were not sent` : undefined;
  };
  const io: ScenarioIO = {
    send: async (outgoing) => {
      const result = await ctx.send(outgoing);
      cases += 1;
      if (result.outcome === 'timeout') timeouts += 1;
      if (result.outcome === 'gone') gone = true;
      return result;
    },
    stopped: () => {
      stoppedEarly ??= stopReason();
      return stoppedEarly !== undefined;
    },
  };
  const details = await fc.check(
    fc.asyncProperty(spec.arbitrary, async (value) => {
      if (io.stopped()) return true; // not played: no evidence either way
      const finding = await spec.play(value, io);
      if (finding !== undefined) last = finding;
      return finding === undefined;
    }),
    { seed: caseSeed(ctx.seed, spec.name), numRuns: spec.runs ?? ctx.runs, endOnFailure: spec.shrink === false },
  );
  if (details.failed && last === undefined && details.errorInstance !== null) throw details.errorInstance;
  const failure = details.failed && last !== undefined ? ctx.failure(last.outgoing, last.result, last.expected) : undefined;
  const failures = failure === undefined ? [] : [last?.actual === undefined ? failure : { ...failure, actual: last.actual }];
  return { cases, failures, ...(stoppedEarly !== undefined ? { stoppedEarly } : {}) };
}
