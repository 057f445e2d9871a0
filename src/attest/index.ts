/** Report digests, provenance, DSSE/in-toto attestations and their verification. */
export { canonicalize } from './canonicalJson';
export { reportDigest, withDigest, DIGEST_PREFIX } from './reportDigest';
export type { Provenance } from '../evidence/provenance';
export { preAuthEncoding, signEnvelope, envelopeVerifies, keyIdOf, type DsseEnvelope } from './dsse';
export { statementFor, urlDigest, IN_TOTO_PAYLOAD_TYPE, IN_TOTO_STATEMENT_TYPE, HOOKPROOF_PREDICATE_TYPE, type HookproofStatement } from './statement';
export { privateKeyFromEnv, publicKeyFromFile } from './signingKey';
export { readReportFile } from './readReportFile';
export { signReportFile, attestationFor } from './signReport';
export { verifyReport, ATTESTATION_FILE_NAME, type ReportVerification } from './verifyReport';
