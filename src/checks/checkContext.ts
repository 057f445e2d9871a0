import type { InconclusiveCases } from './inconclusiveTally';
import type fc from 'fast-check';
import type { DeliveryResult } from '../delivery';
import type { Engine } from '../engine';
import type { EventType } from '../schemas/catalogue';
import type { CheckOutcome } from './check';
import type { DeliveryRole, Failure } from '../evidence/failure';
import type { RequirementId } from '../contract/requirements';

/** One request a check wants sent, described so that reports can name and replay it. */
export interface OutgoingCase {
  /** Human label of the case, e.g. "wrong-secret" or "missing-required /data/state". */
  readonly label: string;
  /** The event type the body was made from, for the coverage table. */
  readonly eventType?: string;
  /** Coverage column: "valid", "invalid:<kind>" or "signature:<label>". */
  readonly variant: string;
  /** The exact bytes to send. */
  readonly body: Buffer;
  /** The X-Signature value; undefined sends no such header. `ctx.sign(body)` makes a valid one. */
  readonly signature: string | undefined;
  /** The bytes the signature was made over when they are not `body` (a body changed after signing). */
  readonly signedBody?: Buffer;
  /** Extra request headers (rarely needed). */
  readonly headers?: Readonly<Record<string, string>>;
  /**
   * For a control: the requirement a 401 to it breaks, when that is not SIG-1 (a control in
   * rotation form refused with 401 is SIG-6's). Other answers are attributed as `attribution.ts` says.
   */
  readonly refusalBreaks?: RequirementId;
}

/** One delivery of a case of several, as sent. */
export interface OutgoingDelivery {
  readonly role: DeliveryRole;
  readonly outgoing: OutgoingCase;
  /** Deliveries with the same batch number are sent at once. */
  readonly batch?: number;
}

/** Every delivery a case of several is made of, in the order sent (see CasePlan). */
export interface OutgoingPlan {
  readonly deliveries: readonly OutgoingDelivery[];
  readonly retries?: { readonly baseDelayMs: number };
}

/** Whether an answer is what a conformant receiver gives, and what that would have been. */
export interface Judgement {
  readonly ok: boolean;
  /** What was expected, for the report: "a success status (200/201/202/204) within 5 s", "401". */
  readonly expected: string;
  /**
   * Set when the case cannot be judged by this check because its answer breaks a more basic
   * requirement (see `attribution.ts`): the case is counted as blocked, never as failed.
   */
  readonly blockedBy?: RequirementId;
  /** Why it is blocked, in words (with the answer). */
  readonly why?: string;
}

/** Cases a property could not judge, and what blocked them. */
export interface BlockedCases {
  readonly count: number;
  readonly by: readonly RequirementId[];
  /** Why the first blocked case was blocked. */
  readonly reason: string;
}

/** A property whose case is one delivery: each drawn value becomes a request, sent and judged. */
export interface DeliveryProperty<T> {
  /** Distinguishes several properties of one check (seeds and case IDs derive from it). */
  readonly name: string;
  readonly arbitrary: fc.Arbitrary<T>;
  /** Cases to draw (default: the run's --runs). */
  readonly runs?: number;
  toCase(value: T): OutgoingCase;
  judge(value: T, result: DeliveryResult): Judgement;
  /**
   * The control of a case: the same event in the most basic form a conformant receiver accepts
   * (canonical JSON, one digest, every field plain…). Sent only when the case is judged wrong: the
   * case then counts against this check only if its control is accepted; otherwise it is blocked
   * by what the control's answer breaks. Undefined (for this answer): no control needed, the
   * answer itself shows the case is this check's (e.g. a strict decoder naming the unknown field).
   */
  control?(value: T, result: DeliveryResult): OutgoingCase | undefined;
  /**
   * Deliveries sent once before the property whose state every case relies on (the original of a
   * tampered copy): recorded with a failure so that a replay sends them first.
   */
  readonly setup?: readonly OutgoingCase[];
}

/** A delivery a scenario judged wrong: the case to blame, its answer, and what was expected. */
export interface WrongDelivery {
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

/** How a scenario sends: as `ctx.send` does, and whether to stop (the receiver looks hung or gone, or shrinking is spent). */
export interface ScenarioIO {
  send(outgoing: OutgoingCase): Promise<DeliveryResult>;
  stopped(): boolean;
}

/**
 * A property whose case is several deliveries (a duplicate, an out-of-order pair, a concurrent
 * batch, a retried delivery), played by the check itself.
 */
export interface ScenarioProperty<T> {
  /** Distinguishes several properties of one check (seeds and case IDs derive from it). */
  readonly name: string;
  readonly arbitrary: fc.Arbitrary<T>;
  /** Cases to draw (default: the run's --runs). */
  readonly runs?: number;
  /** Shrink a failing value (default true); scenarios that cost seconds per case turn it off. */
  readonly shrink?: boolean;
  /** Sends the value's deliveries and judges them; undefined when all were answered rightly. */
  play(value: T, io: ScenarioIO): Promise<WrongDelivery | undefined>;
}

/** A property for `ctx.forAll`: its cases are played as one delivery each, or as a scenario of several. */
export type PropertySpec<T> = DeliveryProperty<T> | ScenarioProperty<T>;

/** The outcome of one property: cases sent and at most one shrunk failure. */
export interface PropertyOutcome {
  readonly cases: number;
  readonly failures: readonly Failure[];
  /** Why sending stopped early (receiver hung, receiver gone), if it did. */
  readonly stoppedEarly?: string;
  /** Cases judged (default: all `cases`); controls and blocked cases are not. */
  readonly judged?: number;
  /** Cases that could not be judged because something more basic fails. */
  readonly blocked?: BlockedCases;
  /** Cases that could not be judged cleanly because hookproof itself stalled: how many, and the first reason. */
  readonly inconclusive?: InconclusiveCases;
}

/** What a check's run gets: the engine, the target's settings, and ways to send cases. */
export interface CheckContext {
  readonly engine: Engine;
  /** The receiver's current secrets (more than one during a rotation). Never print them. */
  readonly secrets: readonly string[];
  /** Non-deprecated event types the receiver subscribes to. */
  readonly types: readonly EventType[];
  /** Deprecated event types among the selected ones (for EVT-5 only). */
  readonly deprecatedTypes: readonly EventType[];
  /** Cases per property (--runs). */
  readonly runs: number;
  readonly seed: number;
  /** Per-delivery timeout (DLV-1 bound). */
  readonly timeoutMs: number;
  /** The body-size budget: no case a check sends is larger (`--max-event-bytes`, default 64 KiB). */
  readonly maxEventBytes: number;
  /** Deliveries in flight at once where a check sends concurrently (DLV-6). */
  readonly concurrency: number;
  readonly target: { readonly url: string; readonly allowHttp: boolean };
  /** Delay of gridX's first retry, scaled (1000 ms in production; tests use less). */
  readonly retryBaseDelayMs: number;
  /** A valid X-Signature for the body, as gridX makes it: one digest per current secret. */
  sign(body: Uint8Array): string;
  /** Sends one case (recorded in the coverage table). Never throws for what the receiver does. */
  send(outgoing: OutgoingCase): Promise<DeliveryResult>;
  /**
   * Runs a property: draws cases (the same --seed gives the same cases), plays and judges them; a
   * failing case is shrunk to a minimal one. The one property engine of every check.
   */
  forAll<T>(spec: PropertySpec<T>): Promise<PropertyOutcome>;
  /** Builds the reported failure of the one case a check judged without a property (TLS-1's handshake). */
  failure(outgoing: OutgoingCase, result: DeliveryResult, expected: string): Failure;
  /** Combines property outcomes into the check's outcome (fail when any failed). */
  outcome(parts: readonly PropertyOutcome[], note?: string): CheckOutcome;
}
