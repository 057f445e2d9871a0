export type {
  HttpPact,
  HttpPactMetadata,
  HttpInteraction,
  HttpPactRequest,
  HttpPactResponse,
  PactProviderState,
  MatchingRules,
  RuleList,
  PactMatcher,
  HttpPactBody,
} from './HttpPact';
export { exactBody, bodyBytes } from './exactBody';
export { loadPactSources, PACT_FETCH_TIMEOUT_MS, type LoadedPact } from './pactSources';
export { verificationReport, type PactVerificationReport } from './reports/verificationReport';
export { verificationJunit } from './reports/verificationJunit';
export { writeVerificationReports, VERIFICATION_REPORT_FILES } from './reports/writeVerificationReports';
export { buildHttpPact, DEFAULT_CONSUMER, DEFAULT_PATH, HTTP_PACT_SEED, type HttpPactOptions } from './buildHttpPact';
export { httpPactJson, httpPactPath } from './httpPactJson';
export { bodyMatchingRules } from './schemaMatchers';
export { UUID_REGEX, DATE_TIME_REGEX, DATE_REGEX } from '../regexes';
export { EXAMPLE_SECRET } from './httpInteraction';
export { WITHOUT_SIG8_FILTER } from './signatureInteractions';
export { runPactJsVerifier, type PactJsVerifierRunOptions, type PactJsVerifierRun, type PactJsEnding } from './runPactJsVerifier';
export { SIGNING_STATES, planFromState, providerStateFor, type PactSignatureLabel, type SigningPlan } from './providerStates';
export { planSignature } from './planSignature';
export { createSigningHooks, STATE_SETUP_PATH, type SigningHooks, type SigningHooksOptions, type SignedRequest } from './signingHooks';
export {
  verifyHttpPact,
  DEFAULT_CONSUMER_VERSION_SELECTORS,
  DEFAULT_VERIFY_TIMEOUT_MS,
  type VerifyHttpPactOptions,
  type BrokerSource,
  type ConsumerVersionSelector,
  type VerifierLogLevel,
} from './verifyHttpPact';
export type { HttpVerificationResult, InteractionVerdict } from './verificationResult';
export { referenceContract, referenceContractJson, REFERENCE_PROVIDER, REFERENCE_CONTRACT_FILE } from './referenceContract';
export { receiverOpenApi } from './receiverOpenApi';
