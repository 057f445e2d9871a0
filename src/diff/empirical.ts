import fc from 'fast-check';
import { eventArbitrary } from '../arbitraries/events';
import { REMOVE, valueAt, withValueAt } from '../arbitraries/pointer';
import type { Engine } from '../engine';
import { caseSeed } from '../runner/caseSeed';
import type { BrokenSide, EmpiricalResult } from './specDiff';

/**
 * Proves breakage by example for one event type present in both specs: draws `runs` events from
 * the generator of one spec and validates each under the other; the first rejected event is
 * shrunk by fast-check to a small one that is still rejected.
 *
 * `receiver`: generated under NEW, validated under OLD. `sender`: generated under OLD, validated
 * under NEW. The seed of each (type, direction) derives from `seed`, so results are reproducible.
 */
export function crossValidate(type: string, breaks: BrokenSide, engines: { old: Engine; new: Engine }, runs: number, seed: number): EmpiricalResult {
  const [producer, judge] = breaks === 'receiver' ? [engines.new, engines.old] : [engines.old, engines.new];
  const eventType = producer.catalogue.get(type);
  const accepted = (event: unknown): boolean => judge.validators.validateAs(type, event).valid;
  const details = fc.check(fc.property(eventArbitrary(eventType), accepted), { numRuns: runs, seed: caseSeed(seed, `diff:${breaks}:${type}`), path: undefined });
  const found = details.failed ? details.counterexample?.[0] : undefined;
  if (found === undefined) return { type, breaks, runs };
  // fast-check shrinks values but keeps optional fields it drew; drop each one that is not needed.
  const stillProves = (event: unknown): boolean => producer.validators.validateAs(type, event).valid && !accepted(event);
  const event = dropOptionalFields(found, eventType.optionalPaths, stillProves);
  const verdict = judge.validators.validateAs(type, event);
  return { type, breaks, runs, counterexample: { event, issues: verdict.valid ? [] : verdict.issues } };
}

/** Removes optional fields, deepest first, as long as the event still proves the break. */
function dropOptionalFields(event: unknown, optionalPaths: readonly string[], stillProves: (event: unknown) => boolean): unknown {
  let current = event;
  const deepestFirst = [...optionalPaths].sort((a, b) => b.split('/').length - a.split('/').length);
  for (const pointer of deepestFirst) {
    if (valueAt(current, pointer) === undefined) continue;
    const candidate = withValueAt(current, pointer, REMOVE);
    if (stillProves(candidate)) current = candidate;
  }
  return current;
}
