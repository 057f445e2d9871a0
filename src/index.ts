/**
 * hookproof's public API. Everything a library user, a jest suite or the CLI needs is exported by
 * name from here; other modules are internal and may change.
 */
export { createEngine, type Engine, type EngineOptions } from './engine';
export { VERSION } from './version';
export * from './errors';

// spec → schemas
export { DEFAULT_SPEC_PATH, loadSpec, parseSpec, lintSpec, applyErrata, ERRATA, type LintReport, type Defect, type Erratum, type SpecDocument } from './spec';
export { buildCatalogue, createValidators, type EventCatalogue, type EventType, type EventValidators, type ValidationIssue, type ValidationResult } from './schemas';

// → arbitraries and serialisation
export {
  eventArbitrary,
  anyEventArbitrary,
  invalidEventArbitrary,
  anyInvalidEventArbitrary,
  INVALID_KINDS,
  SPECIAL_STRINGS,
  type GeneratedEvent,
  type EventArbitraryOptions,
  type AnyEventOptions,
  type InvalidCase,
  type InvalidKind,
  type InvalidEventOptions,
} from './arbitraries';
export { canonicalJson, serialiseEvent, unusualJsonArbitrary } from './serialise';

// → signatures
export {
  sign,
  verifySignature,
  parseSignatureHeader,
  hmacSha512Hex,
  signatureCaseArbitrary,
  buildSignatureVectors,
  SIGNATURE_LABELS,
  type SignatureCase,
  type SignatureLabel,
  type SignatureVerification,
  type ParsedSignatureHeader,
  type SignatureVector,
} from './signing';

// → deliveries
export { DeliveryClient, createDeliveryClient, classifyStatus, deliverWithRetries, describeResult, type DeliveryRequest, type DeliveryResult, type Classification } from './delivery';
export { startReferenceReceiver, createReferenceHandler, type ReferenceReceiver } from './receiver';

// → checks → reports
export { CHECKS, REQUIREMENTS, type Check, type CheckContext, type CheckOutcome, type Failure, type RequirementId, type Severity } from './checks';
export { runCertification } from './runner/runCertification';
export type { CertifyOptions, ProgressEvent } from './runner/certifyOptions';
export type { CertificationReport, CheckReport, RequirementReport } from './reports/report';
