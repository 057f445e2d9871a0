import type { SignatureLabel } from '../../signing';
import type { CheckOutcome } from '../check';
import type { CheckContext, PropertyOutcome } from '../checkContext';
import { signatureProperty } from '../properties';

/** The fewest cases a property gets when a check splits --runs among several. */
export const MIN_RUNS_PER_PROPERTY = 5;

/** `ctx.runs` split evenly among `parts` properties, with at least {@link MIN_RUNS_PER_PROPERTY} each. */
export function runsEach(ctx: CheckContext, parts: number): number {
  return Math.max(MIN_RUNS_PER_PROPERTY, Math.ceil(ctx.runs / parts));
}

/**
 * One `signatureProperty` per label, run one after another with --runs split among them, so each
 * kind of case gets its own shrunk failure and a label never hides behind another.
 */
export async function labelProperties(ctx: CheckContext, labels: readonly SignatureLabel[]): Promise<PropertyOutcome[]> {
  const runs = labels.length === 1 ? ctx.runs : runsEach(ctx, labels.length);
  const outcomes: PropertyOutcome[] = [];
  for (const label of labels) outcomes.push(await ctx.forAll(signatureProperty(ctx, label, runs)));
  return outcomes;
}

/** A skip when no non-deprecated event type is selected: signature cases need an event to sign. */
export function skipWithoutTypes(ctx: CheckContext): CheckOutcome | undefined {
  return ctx.types.length > 0 ? undefined : { status: 'skip', cases: 0, failures: [], note: 'no non-deprecated event type selected, so there is no event to sign' };
}
