import fc from 'fast-check';
import { caseSeed } from '../arbitraries/caseSeed';
import { blockerOf, blockerReason, tooLargeJudgement } from '../checks/attribution';
import { BlockedTally } from '../checks/blockedTally';
import type { Failure } from '../evidence/failure';
import type { DeliveryProperty, OutgoingCase, OutgoingPlan, PropertyOutcome, PropertySpec, ScenarioIO, ScenarioProperty, WrongDelivery } from '../checks/checkContext';
import { InconclusiveTally } from '../checks/inconclusiveTally';
import type { RequirementId } from '../contract/requirements';
import { describeResult, type DeliveryResult } from '../delivery';

/** What the engine needs from the check context it runs in. */
export interface PropertyHost {
  /** The check's id and requirement: seeds derive from the id; EVT-4's own cases are never blocked by EVT-4. */
  readonly check: { readonly id: string; readonly requirement: RequirementId };
  /** The run's --seed and --runs, and the body-size budget no single-delivery case exceeds. */
  readonly seed: number;
  readonly runs: number;
  readonly maxEventBytes: number;
  /** Sends one delivery (recorded in the coverage table); never throws for what the receiver does. */
  send(outgoing: OutgoingCase): Promise<DeliveryResult>;
  /** Why the run wants this check to stop sending (the receiver answered 410, or hung); undefined to go on. */
  stopReason(): string | undefined;
  /** The reported failure of a case judged wrong. */
  failure(outgoing: OutgoingCase, result: DeliveryResult, expected: string, plan?: OutgoingPlan): Failure;
}

// Deliveries spent shrinking one failure. A receiver that fails every case (resets, TLS, garbage)
// would otherwise be sent a whole shrink path, hundreds of requests, for one finding.
export const SHRINK_BUDGET = 30;

/** What playing one case showed. */
type Verdict =
  | { readonly kind: 'pass' }
  | { readonly kind: 'inconclusive'; readonly reason: string }
  | { readonly kind: 'blocked'; readonly by: RequirementId; readonly why: string }
  | { readonly kind: 'fail'; readonly wrong: WrongDelivery };

const PASS: Verdict = { kind: 'pass' };

/** How a property's cases are drawn and played. */
interface Player<C> {
  readonly arbitrary: fc.Arbitrary<C>;
  readonly endOnFailure: boolean;
  play(drawn: C, io: ScenarioIO): Promise<Verdict>;
}

/**
 * Runs a property, the one engine of every check: draws its cases from a seed derived from the
 * run's --seed and the property's name, plays each (one delivery, or a scenario of several),
 * tallies what was judged, blocked or inconclusive, and shrinks a failure within SHRINK_BUDGET
 * deliveries. Stops sending, without evidence either way, when the run says so.
 */
export async function forAll<T>(host: PropertyHost, spec: PropertySpec<T>): Promise<PropertyOutcome> {
  return 'play' in spec ? run(host, spec, scenarioPlayer(host, spec)) : run(host, spec, deliveryPlayer(host, spec));
}

async function run<T, C>(host: PropertyHost, spec: PropertySpec<T>, player: Player<C>): Promise<PropertyOutcome> {
  let cases = 0;
  let judged = 0;
  const blocked = new BlockedTally();
  const stalled = new InconclusiveTally();
  let stoppedEarly: string | undefined;
  let casesAtFirstFailure: number | undefined;
  let last: WrongDelivery | undefined;
  const io: ScenarioIO = {
    send: async (outgoing) => {
      const result = await host.send(outgoing);
      cases += 1;
      return result;
    },
    stopped: () => {
      const shrinkSpent = casesAtFirstFailure === undefined ? 0 : cases - casesAtFirstFailure;
      const reason = host.stopReason() ?? (shrinkSpent >= SHRINK_BUDGET ? `shrinking stopped after ${SHRINK_BUDGET} deliveries; the failure shown may not be minimal` : undefined);
      if (reason !== undefined) stoppedEarly = reason;
      return reason !== undefined;
    },
  };
  const details = await fc.check(
    fc.asyncProperty(player.arbitrary, async (drawn) => {
      // Not played: no evidence either way, so it neither fails nor lets shrinking continue.
      if (io.stopped()) return true;
      const verdict = await player.play(drawn, io);
      switch (verdict.kind) {
        case 'inconclusive':
          // Its wrong answer was late while hookproof itself stalled, every time: no evidence either way.
          stalled.add(verdict.reason);
          return true;
        case 'blocked':
          // Not this check's to judge: it neither fails nor is evidence of a pass.
          blocked.add(verdict.by, verdict.why);
          return true;
        case 'pass':
          judged += 1;
          return true;
        case 'fail':
          judged += 1;
          last = verdict.wrong;
          casesAtFirstFailure ??= cases;
          return false;
      }
    }),
    { seed: caseSeed(host.seed, `${host.check.id}/${spec.name}`), numRuns: spec.runs ?? host.runs, endOnFailure: player.endOnFailure },
  );
  // eslint-disable-next-line @typescript-eslint/only-throw-error -- rethrows, unchanged, what the property itself threw (a hookproof bug); fast-check types it unknown
  if (details.failed && last === undefined && details.errorInstance !== null) throw details.errorInstance;
  // fast-check keeps the last failing value it met while shrinking: that is `last`.
  const failures = details.failed && last !== undefined ? [reported(host, last)] : [];
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

function reported(host: PropertyHost, wrong: WrongDelivery): Failure {
  const failure = host.failure(wrong.outgoing, wrong.result, wrong.expected, wrong.plan);
  return wrong.actual === undefined ? failure : { ...failure, actual: wrong.actual };
}

/**
 * What a wrong answer says before it counts against the check: nothing, when hookproof itself
 * stalled; nothing about this check, when something more basic fails (the case says so, or a valid
 * delivery was refused as too large, which is EVT-4's); undefined when it may count.
 */
function attribute(host: PropertyHost, wrong: WrongDelivery): Verdict | undefined {
  if (wrong.result.inconclusive !== undefined) return { kind: 'inconclusive', reason: wrong.result.inconclusive };
  const tooLarge = wrong.blockedBy === undefined && host.check.requirement !== 'EVT-4' ? tooLargeJudgement(wrong.outgoing.variant, wrong.result, wrong.expected) : undefined;
  const by = wrong.blockedBy ?? tooLarge?.blockedBy;
  const why = wrong.blockedBy !== undefined ? wrong.why : tooLarge?.why;
  return by === undefined ? undefined : { kind: 'blocked', by, why: why ?? 'something more basic fails' };
}

/** Each case one delivery: made once when drawn, sent as made, judged; a wrong answer is checked against the case's control. */
function deliveryPlayer<T>(host: PropertyHost, spec: DeliveryProperty<T>): Player<{ value: T; outgoing: OutgoingCase }> {
  const setup = spec.setup ?? [];
  return {
    // The body-size budget holds for every case whatever its arbitrary: a case too large is never
    // drawn (the arbitraries aim below the budget, so this rarely drops one).
    arbitrary: spec.arbitrary.map((value) => ({ value, outgoing: spec.toCase(value) })).filter(({ outgoing }) => outgoing.body.length <= host.maxEventBytes),
    endOnFailure: false,
    async play({ value, outgoing }, io) {
      const result = await io.send(outgoing);
      const judgement = spec.judge(value, result);
      if (judgement.ok) return PASS;
      const wrong = { outgoing, result, expected: judgement.expected, ...(judgement.blockedBy !== undefined ? { blockedBy: judgement.blockedBy, why: judgement.why } : {}) };
      const attributed = attribute(host, wrong);
      if (attributed !== undefined) return attributed;
      const control = spec.control?.(value, result);
      if (control === undefined) return { kind: 'fail', wrong: { ...wrong, ...planOf(setup, outgoing, undefined) } };
      const controlResult = await io.send(control);
      // A control refused for what this very check is about (EVT-4's plain event refused as too
      // large) blocks nothing: the case is this check's.
      if (controlResult.outcome === 'success' || blockerOf(controlResult) === host.check.requirement) {
        if (noAnswer(result)) return judgedAgain(spec, value, outgoing, result, await io.send(outgoing), planOf(setup, outgoing, control));
        return { kind: 'fail', wrong: { ...wrong, ...planOf(setup, outgoing, control) } };
      }
      const by = control.refusalBreaks !== undefined && controlResult.status === 401 ? control.refusalBreaks : blockerOf(controlResult);
      return { kind: 'blocked', by, why: blockerReason(controlResult, control.label) };
    },
  };
}

/** No HTTP answer at all: a timeout, a reset, a refused connection (DLV-1's, or TLS-1's). */
function noAnswer(result: DeliveryResult): boolean {
  return result.outcome === 'timeout' || result.outcome === 'error';
}

/**
 * A case that got no answer while its control got one: a pause of the receiver (or of a loaded
 * machine) says nothing about this check's kind of case, and at a few runs one such pause decided
 * a whole check. The case has been sent once more (as gridX retries a missing answer) and is judged
 * by the answer it got: still none, and the missing answer is this case's own; an answer judged
 * wrong is this check's failure; an answer judged right leaves the first one DLV-1's (or TLS-1's),
 * blocked, not failed.
 */
function judgedAgain<T>(spec: DeliveryProperty<T>, value: T, outgoing: OutgoingCase, first: DeliveryResult, again: DeliveryResult, plan: { plan?: OutgoingPlan }): Verdict {
  const judgement = spec.judge(value, again);
  if (judgement.ok) {
    const why = `${outgoing.label} got no answer (${describeResult(first)}), and ${describeResult(again)} when sent again: not a property of this case`;
    return { kind: 'blocked', by: blockerOf(first), why };
  }
  if (judgement.blockedBy !== undefined) return { kind: 'blocked', by: judgement.blockedBy, why: judgement.why ?? blockerReason(again) };
  return { kind: 'fail', wrong: { outgoing, result: again, expected: judgement.expected, ...plan } };
}

/** The plan of a single-delivery case: its setup deliveries, the case, and its control; none for the case alone. */
function planOf(setup: readonly OutgoingCase[], outgoing: OutgoingCase, control: OutgoingCase | undefined): { plan?: OutgoingPlan } {
  if (setup.length === 0 && control === undefined) return {};
  return {
    plan: {
      deliveries: [
        ...setup.map((s) => ({ role: 'setup' as const, outgoing: s })),
        { role: 'judged' as const, outgoing },
        ...(control !== undefined ? [{ role: 'control' as const, outgoing: control }] : []),
      ],
    },
  };
}

/** Each case several deliveries, played by the check; what it judged wrong is attributed like a single delivery. */
function scenarioPlayer<T>(host: PropertyHost, spec: ScenarioProperty<T>): Player<T> {
  return {
    arbitrary: spec.arbitrary,
    endOnFailure: spec.shrink === false,
    async play(value, io) {
      const wrong = await spec.play(value, io);
      if (wrong === undefined) return PASS;
      return attribute(host, wrong) ?? { kind: 'fail', wrong };
    },
  };
}
