/**
 * hookproof's public API. Everything a library user, a jest suite or the CLI needs is exported by
 * name from here; other modules are internal and may change.
 */
export { createEngine, engineFromSpec, type Engine, type EngineOptions } from './engine';
export { VERSION } from './version';
export * from './errors';

// spec → schemas
export { DEFAULT_SPEC_PATH, loadSpec, parseSpec, applyErrata, ERRATA, type Defect, type Erratum, type SpecDocument } from './spec';
export { lintSpec, type LintReport } from './specLint/lintSpec';
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
export {
  DeliveryClient,
  createDeliveryClient,
  classifyStatus,
  deliverWithRetries,
  describeResult,
  type DeliveryRequest,
  type DeliveryResult,
  type Classification,
} from './delivery';
export { startReferenceReceiver, createReferenceHandler, type ReferenceReceiver } from './receiver';

// → checks → reports
export { CHECKS, REQUIREMENTS, type Check, type CheckContext, type CheckOutcome, type RequirementId, type Severity } from './checks';
export type { Failure } from './evidence/failure';
export { runCertification } from './runner/runCertification';
export type { CertifyOptions } from './runner/certifyOptions';
export type { ProgressEvent } from './evidence/progressEvent';
export type { CertificationReport, CheckReport, RequirementReport } from './evidence/certificationReport';
// Redaction helpers every writer of hookproof output shares (values, URL credentials, terminals).
export { redactSecrets, redactValue, maskUrlCredentials, terminalSafe } from './reports';
// root causes: the receiver's own answers, findings ("what to fix first") and set-up hints
export {
  AnswerLedger,
  buildFindings,
  captureAnswer,
  detectHints,
  describeAnswer,
  findingLines,
  type Finding,
  type ReceiverAnswer,
  type SetupHint,
  type SetupHintCode,
} from './findings';

// → Pact: the HTTP contract (gridX consumer, receiver provider) — generate and verify
export {
  buildHttpPact,
  httpPactJson,
  httpPactPath,
  bodyMatchingRules,
  verifyHttpPact,
  createSigningHooks,
  signatureForPlan,
  planFromState,
  providerStateFor,
  referenceContract,
  referenceContractJson,
  SIGNING_STATES,
  EXAMPLE_SECRET,
  REFERENCE_PROVIDER,
  REFERENCE_CONTRACT_FILE,
  DEFAULT_CONSUMER_VERSION_SELECTORS,
  DEFAULT_VERIFY_TIMEOUT_MS,
  exactBody,
  verificationReport,
  writeVerificationReports,
  type HttpPact,
  type PactVerificationReport,
  type HttpInteraction,
  type HttpPactOptions,
  type SigningPlan,
  type SigningHooks,
  type VerifyHttpPactOptions,
  type BrokerSource,
  type ConsumerVersionSelector,
  type HttpVerificationResult,
  type InteractionVerdict,
} from './pact/http';
// ← end of the Pact HTTP contract exports

// → the sender's side (SND-1…3): `hookproof listen` and `hookproof send` as a library
export {
  listenUntil,
  startListener,
  createListenHandler,
  parseRespondScript,
  judgeBody,
  judgeSignature,
  judgeRetries,
  SENDER_CHECKS,
  SENDER_REQUIREMENTS,
  buildListenReport,
  renderListenSummary,
  generateEvent,
  parseAssignment,
  applyAssignments,
  eventBody,
  signedDelivery,
  type ListenSession,
  type ListenSessionOptions,
  type Listener,
  type ListenerOptions,
  type ReceivedDelivery,
  type RespondScript,
  type RetryJudgement,
  type RetryJudgeOptions,
  type RetryViolation,
  type SenderCheck,
  type SenderRequirementId,
} from './sender';
// ← end of the sender exports

// → Pact: consumer-driven message pacts (the receiver consumes gridX's events) and the Pact Broker
export {
  gridxMessagePact,
  readMessagePact,
  verifyMessagePact,
  formatMessagePactReport,
  PactFileInvalidError,
  type GridxMessagePact,
  type GridxMessagePactOptions,
  type EventExpectation,
  type EventExpectationOptions,
  type EventHandler,
  type ReceivedMessage,
  type ExpectedEvent,
  type ExpectedEventOptions,
  type ReliedField,
  type FieldMatcher as MessageFieldMatcher,
  type FieldPromise,
  type MessagePact,
  type PactMessage,
  type MatchingRule as MessageMatchingRule,
  type RuleMatcher as MessageRuleMatcher,
  type VerifyMessagePactOptions,
  type MessagePactReport,
  type MessageVerdict,
  type MessageFinding,
  type FindingCode as MessageFindingCode,
} from './pact/messages';
export {
  publishPacts,
  canIDeploy,
  recordDeployment,
  BROKER_TIMEOUT_MS,
  resolveBrokerConnection,
  pactCliBinary,
  PactCliUnavailableError,
  type BrokerOptions,
  type BrokerConnection,
  type BrokerAuth,
  type PublishPactsOptions,
  type PublishPactsResult,
  type CanIDeployOptions,
  type CanIDeployResult,
  type MatrixRow,
  type RecordDeploymentOptions,
  type RecordDeploymentResult,
} from './pact/broker';
// ← end of the Pact message and broker exports

// spec diff and typed events; the jest adapter is its own entry point, 'hookproof/jest'
export {
  diffSpecs,
  diffSpecFiles,
  renderDiff,
  type DiffOptions,
  type SpecDiff,
  type SchemaChange,
  type ChangeKind,
  type BrokenSide,
  type EmpiricalResult,
  type FieldDiff,
} from './diff';
export { generateEventTypes, typedEventArbitrary, anyTypedEventArbitrary } from './typegen';
export { GRIDX_EVENT_TYPES, type GridxEvent, type GridxEventOf, type GridxEventType, type GridxEventMap } from './generated/gridxEvents';
// ← end of the diff and typed-event exports

// trust: report digests, attestations, recheck and fleet runs
export * from './attest';
export * from './recheck';
export * from './fleet';
export { verdictOf } from './evidence/verdict';
export type { ConnectionFacts } from './delivery/connectionFacts';
// ← end of the trust exports

// capacity: CAP-1..3, the rate a receiver holds and the storm after an outage
export { runCapacity, mergeCapacityReports, writeCapacityReports, readCapacityReport, CAPACITY_LIMITS } from './capacity';
export type { CapacityOptions, CapacityProgress, CapacityReport, CapacityPhaseReport, CapacityJudgement, CapacityStatus, CapacitySample } from './capacity';
