/**
 * `hookproof`: the core library. The spec's engine, the event and signature generators, signing
 * and verifying, a certification run and its reports, the reference receiver, and the errors.
 * The other entries are by feature: `hookproof/jest` (the jest adapter and matchers),
 * `hookproof/pact` (contracts and the broker), `hookproof/attest` (digests and attestations),
 * `hookproof/capacity` (CAP-1..3). Other modules are internal and may change.
 *
 * Importing this module loads nothing heavy: each function that needs ajv, fast-check, undici or
 * the list of checks loads its module the first time it is called (a synchronous `require`, so
 * that every function keeps its signature and CommonJS and ESM consumers share one instance).
 * `npm run bench` measures the import against `require('ajv')`.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- the lazy loads described above: the build is CommonJS */
import type * as EngineModule from './engine';
import type * as EventArbitraries from './arbitraries/events';
import type * as InvalidArbitraries from './arbitraries/invalid/invalidEvents';
import type * as TypedArbitraries from './typegen/typedArbitraries';
import type * as SignatureCases from './signing/signatureCases';
import type * as Runner from './runner/runCertification';
import type * as CertifyCapacity from './capacity/certifyCapacity';
import type * as ReportWriter from './reports/writeReports';
import type * as HtmlReport from './reports/html/renderReportHtml';
import type * as ReceiverModule from './receiver/startReferenceReceiver';

// The engine: a spec turned into its catalogue and compiled validators.
export { VERSION } from './version';
export type { Engine, EngineOptions } from './engine';
export type { EventType } from './schemas/catalogue';
const engine = (): typeof EngineModule => require('./engine') as typeof EngineModule;
/** Loads a spec (the bundled gridX spec by default), applies the errata and compiles validators. */
export const createEngine: typeof EngineModule.createEngine = (...args) => engine().createEngine(...args);

// Generators: valid events, invalid events with one labelled defect, typed events per event type.
export type { GeneratedEvent, EventArbitraryOptions, AnyEventOptions } from './arbitraries/events';
export type { InvalidEventOptions } from './arbitraries/invalid/invalidEvents';
export type { InvalidCase } from './arbitraries/invalid/invalidCase';
export { GRIDX_EVENT_TYPES, type GridxEvent, type GridxEventOf, type GridxEventType } from './generated/gridxEvents';
const eventArbitraries = (): typeof EventArbitraries => require('./arbitraries/events') as typeof EventArbitraries;
const invalidArbitraries = (): typeof InvalidArbitraries => require('./arbitraries/invalid/invalidEvents') as typeof InvalidArbitraries;
const typedArbitraries = (): typeof TypedArbitraries => require('./typegen/typedArbitraries') as typeof TypedArbitraries;
/** Valid events of one event type, every field varied. */
export const eventArbitrary: typeof EventArbitraries.eventArbitrary = (...args) => eventArbitraries().eventArbitrary(...args);
/** Valid events of any (or the selected) event types. */
export const anyEventArbitrary: typeof EventArbitraries.anyEventArbitrary = (...args) => eventArbitraries().anyEventArbitrary(...args);
/** Events of one type with exactly one constraint broken, each labelled. */
export const invalidEventArbitrary: typeof InvalidArbitraries.invalidEventArbitrary = (...args) => invalidArbitraries().invalidEventArbitrary(...args);
/** Invalid events of any (or the selected) event types. */
export const anyInvalidEventArbitrary: typeof InvalidArbitraries.anyInvalidEventArbitrary = (...args) => invalidArbitraries().anyInvalidEventArbitrary(...args);
/** Valid events of one event type, typed `GridxEventOf<type>`. */
export const typedEventArbitrary: typeof TypedArbitraries.typedEventArbitrary = (...args) => typedArbitraries().typedEventArbitrary(...args);
/** Valid events of any event type, typed as the `GridxEvent` union. */
export const anyTypedEventArbitrary: typeof TypedArbitraries.anyTypedEventArbitrary = (...args) => typedArbitraries().anyTypedEventArbitrary(...args);

// Bytes and signatures: what gridX signs and sends, the X-Signature header, signature cases.
export { serialiseEvent } from './serialise/compactJson';
export { sign } from './signing/sign';
export { verifySignature, type SignatureVerification } from './signing/verify';
export { parseSignatureHeader, type ParsedSignatureHeader } from './contract/parseSignatureHeader';
export type { SignatureCase } from './contract/signatureLabels';
const signatureCases = (): typeof SignatureCases => require('./signing/signatureCases') as typeof SignatureCases;
/** Valid, rotated and forged X-Signature headers, each labelled with the answer a conformant receiver gives. */
export const signatureCaseArbitrary: typeof SignatureCases.signatureCaseArbitrary = (...args) => signatureCases().signatureCaseArbitrary(...args);

// Certification: a run, its report and report files, the reference receiver to try it on.
export type { CertifyOptions, CertifyCapacityOptions } from './runner/certifyOptions';
export { REQUIREMENTS, type Requirement, type RequirementId } from './contract/requirements';
export type { ProgressEvent } from './evidence/progressEvent';
export type { CertificationReport, CheckReport } from './evidence/certificationReport';
export type { ReportFiles } from './reports/writeReports';
export type { ReferenceReceiver } from './receiver/startReferenceReceiver';
const runner = (): typeof Runner => require('./runner/runCertification') as typeof Runner;
const reportWriter = (): typeof ReportWriter => require('./reports/writeReports') as typeof ReportWriter;
const htmlReport = (): typeof HtmlReport => require('./reports/html/renderReportHtml') as typeof HtmlReport;
const receiver = (): typeof ReceiverModule => require('./receiver/startReferenceReceiver') as typeof ReceiverModule;
const capacityStage = (): typeof CertifyCapacity.certifyCapacityStage => (require('./capacity/certifyCapacity') as typeof CertifyCapacity).certifyCapacityStage;
/**
 * Certifies a receiver: every selected check against `options.url`, one report; with
 * `options.capacity` (a declared rate), CAP-1..3 too, after the checks (the capacity engine loads then).
 */
export const runCertification: typeof Runner.runCertification = (options, shared) =>
  runner().runCertification(options, options.capacity !== undefined && shared?.capacityStage === undefined ? { ...shared, capacityStage: capacityStage() } : shared);
/** Writes report.json, junit.xml and report.html into a directory (secrets redacted). */
export const writeReports: typeof ReportWriter.writeReports = (...args) => reportWriter().writeReports(...args);
/** report.html's page for a report, as a string. */
export const renderReportHtml: typeof HtmlReport.renderReportHtml = (...args) => htmlReport().renderReportHtml(...args);
/** Starts hookproof's reference receiver (a sound gridX receiver) on loopback. */
export const startReferenceReceiver: typeof ReceiverModule.startReferenceReceiver = (...args) => receiver().startReferenceReceiver(...args);

// Errors: every one has a stable `code`; catch HookproofError and switch on it. The errors only
// the other entries throw are exported there.
export {
  HookproofError,
  type HookproofErrorCode,
  UsageError,
  SpecUnreadableError,
  SpecInvalidError,
  InputUnreadableError,
  UnknownEventTypeError,
  UnknownCheckError,
  TargetInvalidError,
  SecretMissingError,
  DependencyMissingError,
  OutputUnwritableError,
  ReportUnreadableError,
} from './errors';
