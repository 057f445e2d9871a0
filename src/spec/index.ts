export { DEFAULT_SPEC_PATH } from './defaultSpecPath';
export { loadSpec, parseSpec } from './loadSpec';
export { findEventRoot, type EventRoot } from './eventRoot';
export { applyErrata, type CorrectedSpec } from './applyErrata';
export { ERRATA, type Defect, type Erratum } from './errata';
export type { SchemaObject, SpecDocument } from './types';
export { specVersion, describeSpecVersion, type SpecVersion } from './specVersion';
