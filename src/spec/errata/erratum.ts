import type { EventRoot } from '../eventRoot';
import type { SpecDocument } from '../types';

/** Something wrong in a spec file, found by the lint. */
export interface Defect {
  /** Stable kind of defect, e.g. "discriminator-enum-mismatch". */
  readonly code: string;
  /** JSON pointer into the spec file where the defect stands. */
  readonly pointer: string;
  readonly message: string;
  /** The erratum that corrects it; absent when hookproof cannot correct it. */
  readonly erratum?: string;
}

/**
 * A known defect of the spec and hookproof's documented correction of it. The spec file is never
 * edited; corrections are applied to an in-memory copy when the catalogue is built.
 */
export interface Erratum {
  readonly id: string;
  readonly title: string;
  /** Why the file is wrong, and what hookproof does instead. */
  readonly correction: string;
  find(spec: SpecDocument, root: EventRoot): Defect[];
  /** Returns a corrected copy of the document (called only when `find` found something). */
  correct(spec: SpecDocument, root: EventRoot): SpecDocument;
}

export function cloneSpec(spec: SpecDocument): SpecDocument {
  return { ...spec, document: structuredClone(spec.document) };
}
