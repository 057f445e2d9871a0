/**
 * The one constraint an invalid case breaks. `unknown-property` adds a property an object closed
 * by `additionalProperties: false` does not describe (only specs with closed objects have it).
 */
export type InvalidKind =
  'missing-required' | 'wrong-type' | 'enum-outside' | 'bad-format' | 'out-of-range' | 'unknown-property' | 'type-data-mismatch' | 'unknown-type' | 'not-json' | 'empty-body';

export const INVALID_KINDS: readonly InvalidKind[] = [
  'missing-required',
  'wrong-type',
  'enum-outside',
  'bad-format',
  'out-of-range',
  'unknown-property',
  'type-data-mismatch',
  'unknown-type',
  'not-json',
  'empty-body',
];

/** An event (or body) that breaks exactly one constraint of the spec, and says which. */
export interface InvalidCase {
  /** `kind` plus where: e.g. "missing-required /data/state", "not-json". Stable under shrinking. */
  readonly label: string;
  readonly kind: InvalidKind;
  /** JSON pointer of the broken field, when the case breaks a field. */
  readonly pointer?: string;
  /** The event type the case was made from. */
  readonly sourceType: string;
  /** The mutated event; absent when the body is not JSON at all. */
  readonly event?: unknown;
  /** The exact bytes to send (canonical JSON of `event`, or the broken body). */
  readonly body: Buffer;
}
