export { buildCatalogue, type EventCatalogue, type EventType } from './catalogue';
export { createValidators, type EventValidators, type ValidationIssue, type ValidationResult } from './validators';
export { unknownFormats } from './ajvInstance';
