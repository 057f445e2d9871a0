import type { ValidationIssue } from '../schemas/validators';

/**
 * Who a change breaks, reading the spec as the set of events it allows:
 *
 * - `receiver`: NEW allows an event that OLD did not (an enum value added, a field no longer
 *   required, a type widened, a format or pattern dropped, a range widened). A receiver built for
 *   OLD may reject or mishandle what gridX now sends.
 * - `sender`: OLD allows an event that NEW does not (a field becoming required, an enum value
 *   removed, a type narrowed, a format or pattern added, a range narrowed). A sender (or a mock,
 *   fixture or test double) still emitting OLD events now emits invalid ones.
 *
 * A change can break both (a type or format replaced by another).
 */
export type BrokenSide = 'receiver' | 'sender';

/** What changed, one kind per keyword family. */
export type ChangeKind =
  | 'event-type-added'
  | 'event-type-removed'
  | 'event-type-deprecated'
  | 'event-type-undeprecated'
  | 'field-added'
  | 'required-field-added'
  | 'field-removed'
  | 'required-field-removed'
  | 'field-became-required'
  | 'field-became-optional'
  | 'enum-value-added'
  | 'enum-value-removed'
  | 'enum-added'
  | 'enum-removed'
  | 'type-widened'
  | 'type-narrowed'
  | 'type-changed'
  | 'format-added'
  | 'format-removed'
  | 'format-changed'
  | 'range-widened'
  | 'range-narrowed'
  | 'pattern-added'
  | 'pattern-removed'
  | 'pattern-changed'
  | 'additional-properties-closed'
  | 'additional-properties-opened'
  | 'schema-changed';

/** One difference between the two specs for one event type, with who it breaks. */
export interface SchemaChange {
  /** The event type, e.g. "ev/plugged". */
  readonly type: string;
  /** JSON pointer into the event, "" for the event type as a whole; array items appear as `/0`. */
  readonly pointer: string;
  readonly kind: ChangeKind;
  /** The JSON Schema keyword behind the change (enum, required, maximum…), when there is one. */
  readonly keyword?: string;
  /** Empty for additive changes. */
  readonly breaks: readonly BrokenSide[];
  /** One line, e.g. `enum value "PAUSED" added (was "CHARGING", "STOPPED", "FAILED")`. */
  readonly message: string;
}

/** Fields (JSON pointers) that exist in only one of the specs, for one event type in both. */
export interface FieldDiff {
  readonly type: string;
  readonly added: readonly string[];
  readonly removed: readonly string[];
}

/** An event accepted by one spec and rejected by the other, shrunk to a small one. */
export interface Counterexample {
  readonly event: unknown;
  /** Why the other spec rejects it. */
  readonly issues: readonly ValidationIssue[];
}

/**
 * The empirical proof for one event type in both specs and one direction: events generated under
 * one spec and validated under the other.
 *
 * - `receiver`: generated under NEW, validated under OLD (what a receiver built for OLD may reject).
 * - `sender`: generated under OLD, validated under NEW (what a sender on OLD now gets wrong).
 */
export interface EmpiricalResult {
  readonly type: string;
  readonly breaks: BrokenSide;
  /** Events generated (before shrinking). */
  readonly runs: number;
  /** Absent when every generated event was accepted. */
  readonly counterexample?: Counterexample;
}

/** Where a spec came from. */
export interface SpecIdentity {
  readonly path: string;
  readonly sha256: string;
}

/** Everything `hookproof diff` reports: plain data, rendered as text or JSON. */
export interface SpecDiff {
  readonly old: SpecIdentity;
  readonly new: SpecIdentity;
  readonly types: {
    readonly added: readonly string[];
    readonly removed: readonly string[];
    /** Types present in both specs (changed or not). */
    readonly common: readonly string[];
  };
  readonly fields: readonly FieldDiff[];
  /** Every classified change, breaking or not, by type then pointer. */
  readonly changes: readonly SchemaChange[];
  readonly empirical: {
    /** False when the empirical check was turned off. */
    readonly ran: boolean;
    readonly runs: number;
    readonly seed: number;
    /** One entry per common type and direction. */
    readonly results: readonly EmpiricalResult[];
  };
  /** Whether each side is broken, by a classified change or by a counterexample. */
  readonly breaks: { readonly receiver: boolean; readonly sender: boolean };
  readonly breaking: boolean;
}
