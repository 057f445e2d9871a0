export type { WebhookContract, SignatureScheme, RetryPolicy, StatusClasses } from './WebhookContract';
export { gridx } from './gridx';
export { classifyStatus, type Classification } from './classifyStatus';
export { retryDelayMs } from './retryPolicy';
export { listStatuses } from './listStatuses';
export { SIGNATURE_HEADER_PATTERN, signatureHeaderPattern } from './signatureHeaderPattern';
export { parseSignatureHeader, type ParsedSignatureHeader } from './parseSignatureHeader';
export {
  CONTRACT_REQUIREMENTS,
  REQUIREMENTS,
  SENDER_REQUIREMENTS,
  requirement,
  requirementsJudged,
  type ContractSide,
  type Requirement,
  type RequirementId,
  type SenderRequirement,
  type SenderRequirementId,
  type Severity,
} from './requirements';
export { SIGNATURE_LABELS, labelExpectation, labelRequirement, type SignatureCase, type SignatureLabel, type SignatureRequirement } from './signatureLabels';
