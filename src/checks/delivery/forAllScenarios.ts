import fc from 'fast-check';
import type { DeliveryResult } from '../../delivery';
import { blockerOf, blockerReason, tooLargeJudgement } from '../attribution';
import { BlockedTally } from '../blockedTally';
import { InconclusiveTally } from '../inconclusiveTally';
import type { CheckContext, OutgoingCase, OutgoingPlan, PropertyOutcome } from '../checkContext';
import type { RequirementId } from '../../contract/requirements';

/** A delivery a scenario judged wrong: the case to blame, its answer, and what was expected. */
export interface Finding {
  readonly outgoing: OutgoingCase;
  readonly result: DeliveryResult;
  readonly expected: string;
  /** Replaces the one-line description of `result` when several answers tell the story (retries). */
  readonly actual?: string;
  /**
   * Set when the scenario could not be judged because something more basic fails (its first
   * delivery, a control, was refused): the case is blocked by that requirement, not failed.
   */
  readonly blockedBy?: RequirementId;
  readonly why?: string;
  /** Every delivery of the case, `outgoing` among them as `judged`; recorded so that a replay sends them all. */
  readonly plan?: OutgoingPlan;
}

/** A scenario that could not be judged: its control delivery got `result`, which breaks something more basic. */
export function blockedFinding(outgoing: OutgoingCase, result: DeliveryResult, expected: string, about: string): Finding {
  return { outgoing, result, expected, blockedBy: blockerOf(result), why: blockerReason(result, about) };
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

// Deliveries spent shrinking a failure, as ctx.forAll does. A receiver that fails every case (resets, TLS, garbage)
// would otherwise be sent the whole shrink path, hundreds of requests, for one finding.
const SHRINK_BUDGET = 30;

/** Runs a scenario property like `ctx.forAll`: same seeding, shrinking, hang guard and outcome. */
export async function forAllScenarios<T>(ctx: CheckContext, spec: ScenarioSpec<T>): Promise<PropertyOutcome> {
  let cases = 0;
  let judged = 0;
  const blocked = new BlockedTally();
  let stoppedEarly: string | undefined;
  const stalled = new InconclusiveTally();
  let last: Finding | undefined;
  let casesAtFirstFailure: number | undefined;
  const stopReason = (): string | undefined => {
    const runStop = ctx.stopReason();
    if (runStop !== undefined) return runStop;
    if (casesAtFirstFailure !== undefined && cases - casesAtFirstFailure >= SHRINK_BUDGET)
      return `shrinking stopped after ${SHRINK_BUDGET} deliveries; the failure shown may not be minimal`;
    return undefined;
  };
  const io: ScenarioIO = {
    send: async (outgoing) => {
      const result = await ctx.send(outgoing);
      cases += 1;
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
      const played = await spec.play(value, io);
      if (played?.result.inconclusive !== undefined) {
        // Its wrong answer was late while hookproof itself stalled, every time: no evidence either way.
        stalled.add(played.result.inconclusive);
        return true;
      }
      // A valid delivery refused as too large is EVT-4's (no scenario check is EVT-4's own).
      const tooLarge = played !== undefined && played.blockedBy === undefined ? tooLargeJudgement(played.outgoing.variant, played.result, played.expected) : undefined;
      const finding: Finding | undefined =
        played === undefined || tooLarge?.blockedBy === undefined ? played : { ...played, blockedBy: tooLarge.blockedBy, why: tooLarge.why ?? '' };
      if (finding?.blockedBy !== undefined) {
        blocked.add(finding.blockedBy, finding.why ?? 'something more basic fails');
        return true; // not this check's to judge
      }
      judged += 1;
      if (finding !== undefined) {
        last = finding;
        casesAtFirstFailure ??= cases;
      }
      return finding === undefined;
    }),
    { seed: ctx.seedFor(spec.name), numRuns: spec.runs ?? ctx.runs, endOnFailure: spec.shrink === false },
  );
  // eslint-disable-next-line @typescript-eslint/only-throw-error -- rethrows, unchanged, what the property itself threw (a hookproof bug); fast-check types it unknown
  if (details.failed && last === undefined && details.errorInstance !== null) throw details.errorInstance;
  const failure = details.failed && last !== undefined ? ctx.failure(last.outgoing, last.result, last.expected, last.plan) : undefined;
  const failures = failure === undefined ? [] : [last?.actual === undefined ? failure : { ...failure, actual: last.actual }];
  const blockedCases = blocked.result();
  const inconclusive = stalled.result();
  return {
    cases,
    failures,
    judged,
    ...(stoppedEarly !== undefined ? { stoppedEarly } : {}),
    ...(blockedCases !== undefined ? { blocked: blockedCases } : {}),
    ...(inconclusive !== undefined ? { inconclusive } : {}),
  };
}
