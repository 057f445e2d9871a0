/**
 * `hookproof/attest`: what makes a report something gridX can trust. Report digests (SHA-256 over
 * the RFC 8785 canonical JSON), DSSE/in-toto attestations signed with an Ed25519 key, and their
 * verification.
 *
 * Importing this module loads nothing heavy: reading, signing and verifying a report load their
 * modules (ajv for the report's schema, the list of checks for its scope) when first called.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- the lazy loads described above: the build is CommonJS */
import type * as ReadReportFile from './readReportFile';
import type * as SignReport from './signReport';
import type * as Statement from './statement';
import type * as VerifyReport from './verifyReport';

// Digests: cheap, loaded with the entry.
export { canonicalize } from './canonicalJson';
export { reportDigest, withDigest, DIGEST_PREFIX } from './reportDigest';
export { signEnvelope, envelopeVerifies, type DsseEnvelope } from './dsse';
export { privateKeyFromEnv, publicKeyFromFile } from './signingKey';
export type { Provenance } from '../evidence/provenance';
export type { HookproofStatement } from './statement';
export type { TestResultStatement } from './testResultStatement';
export type { ReportVerification } from './verifyReport';

/** Reads and validates a report.json (ReportUnreadableError when it is not one). */
export const readReportFile: typeof ReadReportFile.readReportFile = (...args) => (require('./readReportFile') as typeof ReadReportFile).readReportFile(...args);
/** Signs a report file: writes its DSSE attestation beside it and returns the attestation's path. */
export const signReportFile: typeof SignReport.signReportFile = (...args) => (require('./signReport') as typeof SignReport).signReportFile(...args);
/** The DSSE envelope of a report's in-toto statement, signed with `privateKey`. */
export const attestationFor: typeof SignReport.attestationFor = (...args) => (require('./signReport') as typeof SignReport).attestationFor(...args);
/** The in-toto statement a report's attestation signs. */
export const statementFor: typeof Statement.statementFor = (...args) => (require('./statement') as typeof Statement).statementFor(...args);
/** Verifies a report: its digest, its scope and, with a public key, its attestation. */
export const verifyReport: typeof VerifyReport.verifyReport = (...args) => (require('./verifyReport') as typeof VerifyReport).verifyReport(...args);

// The error only attestation work throws (the others come from 'hookproof').
export { KeyInvalidError } from '../errors';
