import fc from 'fast-check';
import { eventArbitrary } from '../arbitraries/events';
import { REMOVE, valueAt, withValueAt } from '../arbitraries/pointer';
import type { Engine } from '../engine';
import { caseSeed } from '../arbitraries/caseSeed';
import type { BrokenSide, EmpiricalResult } from './specDiff';
import { escapePointerSegment } from '../jsonPointer';

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
  // A quarter of the events carry unknown properties wherever the producer's schema allows them:
  // closing an object (additionalProperties: false) breaks senders only for such events.
  const events = fc.oneof({ weight: 3, arbitrary: eventArbitrary(eventType) }, { weight: 1, arbitrary: eventArbitrary(eventType, { extraProperties: true }) });
  const details = fc.check(fc.property(events, accepted), { numRuns: runs, seed: caseSeed(seed, `diff:${breaks}:${type}`) });
  const found = details.failed ? details.counterexample?.[0] : undefined;
  if (found === undefined) return { type, breaks, runs };
  // fast-check shrinks values but keeps optional fields it drew; drop each one that is not needed.
  const stillProves = (event: unknown): boolean => producer.validators.validateAs(type, event).valid && !accepted(event);
  const event = dropUnneededProperties(dropOptionalFields(found, eventType.optionalPaths, stillProves), eventType.requiredPaths, stillProves);
  const verdict = judge.validators.validateAs(type, event);
  return { type, breaks, runs, counterexample: { event, issues: verdict.valid ? [] : verdict.issues } };
}

/**
 * Removes the properties no schema describes (the unknown ones a closed object refuses), deepest
 * first, as long as the event still proves the break: the example keeps only the one that matters.
 */
function dropUnneededProperties(event: unknown, requiredPaths: readonly string[], stillProves: (event: unknown) => boolean): unknown {
  const required = new Set(requiredPaths);
  let current = event;
  const deepestFirst = objectPropertyPointers(event).sort((a, b) => b.split('/').length - a.split('/').length);
  for (const pointer of deepestFirst) {
    if (required.has(pointer) || valueAt(current, pointer) === undefined) continue;
    const candidate = withValueAt(current, pointer, REMOVE);
    if (stillProves(candidate)) current = candidate;
  }
  return current;
}

/** JSON pointers of every property of every object in a value (array items are not removed). */
function objectPropertyPointers(value: unknown, pointer = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => objectPropertyPointers(item, `${pointer}/${i}`));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, sub]) => {
    const path = `${pointer}/${escapePointerSegment(key)}`;
    return [path, ...objectPropertyPointers(sub, path)];
  });
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
