/** `hookproof diff`: what changed between two versions of the spec, and who it breaks. */
export { diffSpecs, diffSpecFiles, DIFF_DEFAULTS, type DiffOptions } from './diffSpecs';
export { renderDiff } from './renderDiff';
export type { BrokenSide, ChangeKind, Counterexample, EmpiricalResult, FieldDiff, SchemaChange, SpecDiff, SpecIdentity } from './specDiff';
