import { ERRATA, type Defect } from './errata';
import { findEventRoot } from './eventRoot';
import type { SpecDocument } from './types';

export interface CorrectedSpec {
  /** The in-memory document with every applicable correction applied. */
  readonly spec: SpecDocument;
  /** The defects that were found and corrected, in the order of the errata list. */
  readonly corrected: readonly Defect[];
}

/** Applies the errata list in order, each to the result of the previous one. */
export function applyErrata(spec: SpecDocument): CorrectedSpec {
  let current = spec;
  const corrected: Defect[] = [];
  for (const erratum of ERRATA) {
    const root = findEventRoot(current);
    const defects = erratum.find(current, root);
    if (defects.length > 0) {
      corrected.push(...defects);
      current = erratum.correct(current, root);
    }
  }
  return { spec: current, corrected };
}
