import type { SignatureLabel } from '../../contract/signatureLabels';
import type { CheckContext, PropertyOutcome } from '../checkContext';
import { signatureProperty } from '../properties';
import { runsEach } from '../runsEach';

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
