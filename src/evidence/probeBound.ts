import { formatDuration } from '../text/formatDuration';
import { plural } from '../text/plural';
import type { CapacityFindMaxRecord } from './capacitySection';

/**
 * What a bounded overload probe found, in words, or undefined when the probe finished its search:
 * which bound stopped it, after how many steps and how long, and that the rate it held is then a
 * lower bound of the receiver's capacity, not its maximum. One text for the CAP-3 note, the
 * console and report.html.
 */
export function probeBoundText(findMax: CapacityFindMaxRecord): string | undefined {
  const bound = findMax.bounded;
  if (bound === undefined) return undefined;
  const limit =
    bound.by === 'time budget'
      ? `its time budget of ${formatDuration(bound.budgetMs ?? bound.afterMs)} after ${plural(bound.afterSteps, 'step')}`
      : `its limit of ${plural(bound.afterSteps, 'step')}`;
  const held =
    findMax.maxHeldRate > 0
      ? `the receiver holds at least ${findMax.maxHeldRate} events/s${findMax.brokeAt !== undefined ? ` and broke at ${findMax.brokeAt.rate}/s` : ''}: a lower bound, not its maximum`
      : `no rate it tried was held${findMax.brokeAt !== undefined ? ` (the lowest, ${findMax.brokeAt.rate}/s, broke)` : ''}, so it found no maximum`;
  return `the overload probe was bounded: it stopped at ${limit} (${formatDuration(bound.afterMs)}), before its search was done; ${held}`;
}
