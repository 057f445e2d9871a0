import type { CheckContext } from './checkContext';

/** The fewest cases a property gets when a check splits --runs among several. */
export const MIN_RUNS_PER_PROPERTY = 5;

/**
 * `ctx.runs` split evenly among `parts` properties (one per label, per event type, per in-flight
 * slot…), with at least `floor` each, so a low --runs still gives every property real cases.
 */
export function runsEach(ctx: Pick<CheckContext, 'runs'>, parts: number, floor = MIN_RUNS_PER_PROPERTY): number {
  return Math.max(floor, Math.ceil(ctx.runs / parts));
}
