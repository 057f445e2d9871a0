/**
 * `hookproof/pact`: Pact contracts. The HTTP contract (gridX the consumer, the receiver the
 * provider: generate and verify it), consumer-driven message pacts (the receiver consumes gridX's
 * events) and the Pact Broker (publish, can-i-deploy, record a deployment).
 *
 * Importing this module loads nothing heavy: each function loads its module (undici, fast-check,
 * ajv, the optional Pact packages) the first time it is called.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- the lazy loads described above: the build is CommonJS */
import type * as BuildHttpPact from './http/buildHttpPact';
import type * as HttpPactJson from './http/httpPactJson';
import type * as VerifyHttpPact from './http/verifyHttpPact';
import type * as SigningHooks from './http/signingHooks';
import type * as ReferenceContract from './http/referenceContract';
import type * as RunPactJsVerifier from './http/runPactJsVerifier';
import type * as GridxMessagePact from './messages/gridxMessagePact';
import type * as MessagePactFile from './messages/messagePactFile';
import type * as VerifyMessagePact from './messages/verifyMessagePact';
import type * as FormatMessagePactReport from './messages/formatMessagePactReport';
import type * as PublishPacts from './broker/publishPacts';
import type * as CanIDeploy from './broker/canIDeploy';
import type * as RecordDeployment from './broker/recordDeployment';

// gridX → receiver: the HTTP contract, generated from the spec and verified against a receiver.
export type { HttpPact } from './http/HttpPact';
export type { HttpPactOptions } from './http/buildHttpPact';
export type { VerifyHttpPactOptions, BrokerSource, ConsumerVersionSelector } from './http/verifyHttpPact';
export type { HttpVerificationResult, InteractionVerdict } from './http/verificationResult';
export type { SigningHooks, SigningHooksOptions } from './http/signingHooks';
/** The HTTP contract of a receiver: one interaction per event type, signature case and status rule. */
export const buildHttpPact: typeof BuildHttpPact.buildHttpPact = (...args) => (require('./http/buildHttpPact') as typeof BuildHttpPact).buildHttpPact(...args);
/** A contract as the exact JSON text to write or publish. */
export const httpPactJson: typeof HttpPactJson.httpPactJson = (...args) => (require('./http/httpPactJson') as typeof HttpPactJson).httpPactJson(...args);
/** Verifies a receiver against a contract (a file, a URL or a broker's selection) with the Pact core. */
export const verifyHttpPact: typeof VerifyHttpPact.verifyHttpPact = (...args) => (require('./http/verifyHttpPact') as typeof VerifyHttpPact).verifyHttpPact(...args);
/** The provider-state and request hooks that sign each request, for pact-js's own Verifier. */
export const createSigningHooks: typeof SigningHooks.createSigningHooks = (...args) => (require('./http/signingHooks') as typeof SigningHooks).createSigningHooks(...args);
export type { PactJsVerifierRunOptions, PactJsVerifierRun, PactJsEnding } from './http/runPactJsVerifier';
/** Runs pact-js's own Verifier in a child process; one that hangs (after SIG-8's body) is ended, with a one-line cause. */
export const runPactJsVerifier: typeof RunPactJsVerifier.runPactJsVerifier = (...args) =>
  (require('./http/runPactJsVerifier') as typeof RunPactJsVerifier).runPactJsVerifier(...args);
/** The contract of hookproof's reference receiver (the one committed under contracts/). */
export const referenceContract: typeof ReferenceContract.referenceContract = (...args) =>
  (require('./http/referenceContract') as typeof ReferenceContract).referenceContract(...args);

// receiver → gridX: message pacts, written in the receiver's jest tests and verified from gridX's side.
export type { GridxMessagePact, GridxMessagePactOptions, EventExpectation, EventExpectationOptions, EventHandler, ReceivedMessage } from './messages/gridxMessagePact';
export type { MessagePact } from './messages/messagePactFile';
export type { VerifyMessagePactOptions } from './messages/verifyMessagePact';
export type { MessagePactReport, MessageVerdict, MessageFinding } from './messages/messageReport';
/** Declares the events a receiver consumes and the fields it relies on; writes a V4 message pact. */
export const gridxMessagePact: typeof GridxMessagePact.gridxMessagePact = (...args) =>
  (require('./messages/gridxMessagePact') as typeof GridxMessagePact).gridxMessagePact(...args);
/** Reads a message pact file (PactFileInvalidError when it is not one). */
export const readMessagePact: typeof MessagePactFile.readMessagePact = (...args) => (require('./messages/messagePactFile') as typeof MessagePactFile).readMessagePact(...args);
/** Checks that every message a pact expects is one gridX can send under the spec. */
export const verifyMessagePact: typeof VerifyMessagePact.verifyMessagePact = (...args) =>
  (require('./messages/verifyMessagePact') as typeof VerifyMessagePact).verifyMessagePact(...args);
/** A message pact verification as text lines. */
export const formatMessagePactReport: typeof FormatMessagePactReport.formatMessagePactReport = (...args) =>
  (require('./messages/formatMessagePactReport') as typeof FormatMessagePactReport).formatMessagePactReport(...args);

// The Pact Broker: publish, gate, record.
export type { BrokerOptions, BrokerAuth } from './broker/brokerConnection';
export type { PublishPactsOptions, PublishPactsResult } from './broker/publishPacts';
export type { CanIDeployOptions, CanIDeployResult, MatrixRow } from './broker/canIDeploy';
export type { RecordDeploymentOptions, RecordDeploymentResult } from './broker/recordDeployment';
/** Publishes pact files to a broker, exactly as written. */
export const publishPacts: typeof PublishPacts.publishPacts = (...args) => (require('./broker/publishPacts') as typeof PublishPacts).publishPacts(...args);
/** Asks the broker whether a version can be deployed to an environment. */
export const canIDeploy: typeof CanIDeploy.canIDeploy = (...args) => (require('./broker/canIDeploy') as typeof CanIDeploy).canIDeploy(...args);
/** Tells the broker which version runs in an environment. */
export const recordDeployment: typeof RecordDeployment.recordDeployment = (...args) => (require('./broker/recordDeployment') as typeof RecordDeployment).recordDeployment(...args);

// The errors only Pact work throws (the others come from 'hookproof').
export { PactFileInvalidError, PactCliUnavailableError, BrokerError, ContractNotPortableError, DeadlineExceededError, type BrokerFailureCause } from '../errors';
