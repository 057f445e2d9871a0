/**
 * Every error hookproof throws on purpose. Each has a stable `code` a user or script can match on,
 * and a one-line message that says what to do. The CLI maps codes to exit codes in one place
 * (`src/cli/exitCodes.ts`); library users catch `HookproofError` and switch on `code`.
 *
 * What a receiver does (hangs, resets, answers garbage) is never an error: it is a delivery result.
 */
export type HookproofErrorCode =
  | 'USAGE'
  | 'SPEC_UNREADABLE'
  | 'SPEC_INVALID'
  | 'INPUT_UNREADABLE'
  | 'UNKNOWN_EVENT_TYPE'
  | 'UNKNOWN_CHECK'
  | 'TARGET_INVALID'
  | 'SECRET_MISSING'
  | 'REPORT_UNREADABLE'
  | 'DEPENDENCY_MISSING'
  | 'KEY_INVALID'
  | 'RECHECK_REFUSED'
  | 'PACT_CLI_UNAVAILABLE'
  | 'PACT_FILE_INVALID'
  | 'BROKER_FAILED'
  | 'CONTRACT_NOT_PORTABLE'
  | 'DEADLINE_EXCEEDED'
  | 'CHECKS_INVALID'
  | 'CLIENT_CLOSED'
  | 'OUTPUT_UNWRITABLE'
  | 'INTERNAL';

export class HookproofError extends Error {
  readonly code: HookproofErrorCode;

  constructor(code: HookproofErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.name = new.target.name;
  }
}

/**
 * An error as a child process (a fleet target, the Pact verifier) reports it to its parent over
 * IPC: hookproof's typed errors keep their code, so the parent re-makes the same kind of error.
 */
export interface ChildFailure {
  readonly hookproof: boolean;
  readonly code?: HookproofErrorCode;
  readonly message: string;
}

export function childFailureOf(error: unknown): ChildFailure {
  return error instanceof HookproofError
    ? { hookproof: true, code: error.code, message: error.message }
    : { hookproof: false, message: error instanceof Error ? error.message : String(error) };
}

/** A failure a child process reported, re-made in the parent (a plain Error when it was not hookproof's). */
export function errorFromChild(failure: ChildFailure): Error {
  return failure.hookproof ? new HookproofError(failure.code ?? 'INTERNAL', failure.message) : new Error(failure.message);
}

/** Bad command-line arguments or option values. */
export class UsageError extends HookproofError {
  constructor(message: string) {
    super('USAGE', message);
  }
}

/** The spec file is missing or cannot be read. */
export class SpecUnreadableError extends HookproofError {
  constructor(path: string, cause: unknown) {
    super('SPEC_UNREADABLE', `cannot read spec ${path}: ${describeCause(cause)}`, { cause });
  }
}

/** The spec file was read but is not YAML/JSON, or not an OpenAPI document hookproof can use. */
export class SpecInvalidError extends HookproofError {
  constructor(path: string, reason: string) {
    super('SPEC_INVALID', `invalid spec ${path}: ${reason}`);
  }
}

/** An input file (events to validate, a report to replay) is missing or unreadable. */
export class InputUnreadableError extends HookproofError {
  constructor(path: string, cause: unknown) {
    super('INPUT_UNREADABLE', `cannot read ${path}: ${describeCause(cause)}`, { cause });
  }
}

export class UnknownEventTypeError extends HookproofError {
  constructor(type: string, known: readonly string[]) {
    super('UNKNOWN_EVENT_TYPE', `unknown event type "${type}"; the spec defines: ${known.join(', ')}`);
  }
}

export class UnknownCheckError extends HookproofError {
  constructor(id: string, known: readonly string[]) {
    super('UNKNOWN_CHECK', `unknown check "${id}"; known checks: ${known.join(', ')}`);
  }
}

/** The target URL is malformed or not allowed (for example http:// without --allow-http). */
export class TargetInvalidError extends HookproofError {
  constructor(message: string) {
    super('TARGET_INVALID', message);
  }
}

/** `hookproof recheck` cannot re-run the certification a report describes exactly as it was run. */
export class RecheckRefusedError extends HookproofError {
  constructor(message: string) {
    super('RECHECK_REFUSED', message);
  }
}

export class SecretMissingError extends HookproofError {
  constructor(message: string) {
    super('SECRET_MISSING', message);
  }
}

/**
 * An optional package that one feature needs is not installed (the Pact core and CLI are optional
 * peer dependencies: only `pact …` commands and the message pact helper load them).
 */
export class DependencyMissingError extends HookproofError {
  readonly packageName: string;

  constructor(packageName: string, feature: string, range: string | undefined, cause?: unknown) {
    const spec = range === undefined ? packageName : `${packageName}@${JSON.stringify(range)}`;
    super(
      'DEPENDENCY_MISSING',
      `${feature} cannot run without ${packageName}, which is not installed: npm install --save-dev ${spec}`,
      cause === undefined ? undefined : { cause },
    );
    this.packageName = packageName;
  }
}

/** A node error's code and message without its stack, e.g. "ENOENT: no such file or directory". */
export function describeCause(cause: unknown): string {
  // Duck-typed: errors thrown by node built-ins may come from another realm (jest's VM contexts).
  if (typeof cause === 'object' && cause !== null && typeof (cause as Error).message === 'string') {
    const code = (cause as NodeJS.ErrnoException).code;
    const firstLine = (cause as Error).message.split('\n')[0] ?? '';
    // "ENOENT: no such file or directory, open 'x'" → "no such file or directory"
    const text = firstLine.replace(/^[A-Z]+: /, '').replace(/, \w+( '.*')?$/, '');
    return typeof code === 'string' ? `${code}: ${text}` : text;
  }
  return String(cause);
}

/**
 * A check threw: a bug in hookproof, not something the receiver did. The run stops with exit 2
 * rather than reporting the check as skipped (a certification must never pass without evidence).
 */
export class InternalCheckError extends HookproofError {
  readonly checkId: string;

  constructor(checkId: string, cause: unknown) {
    super('INTERNAL', `hookproof internal error in check ${checkId}: ${describeCause(cause)} (a bug in hookproof, not in the receiver; set HOOKPROOF_DEBUG=1 for the stack)`, {
      cause,
    });
    this.checkId = checkId;
  }
}

/**
 * An invariant of hookproof's own code broke (a generator produced nothing, a caller skipped a
 * precondition it is documented to meet): a bug in hookproof, never the user's input. The message
 * says which invariant, so a bug report can name it.
 */
export class InternalError extends HookproofError {
  constructor(invariant: string, options?: { cause?: unknown }) {
    super('INTERNAL', `${invariant} (a bug in hookproof, not in your input: please report it; set HOOKPROOF_DEBUG=1 for the stack)`, options);
  }
}

/**
 * The Pact CLI binary (from @pact-foundation/pact-cli) is not installed for this platform or cannot
 * be started: the user fixes it (install the package for this platform), so it is not INTERNAL.
 */
export class PactCliUnavailableError extends HookproofError {
  constructor(reason: string, cause?: unknown) {
    super('PACT_CLI_UNAVAILABLE', `cannot run the Pact CLI: ${reason}${cause === undefined ? '' : ` (${describeCause(cause)})`}`, cause === undefined ? undefined : { cause });
  }
}

/** A file given as a pact is not one hookproof can use: not JSON, not a pact, or not a message pact. */
export class PactFileInvalidError extends HookproofError {
  constructor(path: string, reason: string) {
    super('PACT_FILE_INVALID', `${path} ${reason}`);
  }
}

/**
 * A list of checks breaks the rules every check obeys (kebab-case unique ids, a known requirement
 * of the right severity, every required requirement covered): the author of custom checks fixes it.
 */
export class ChecksInvalidError extends HookproofError {
  constructor(reason: string) {
    super('CHECKS_INVALID', `invalid list of checks: ${reason}`);
  }
}

/**
 * A file given as a hookproof report (report.json, report.html, a fleet index) was read but is not
 * one, or lacks what the command needs from it (a case to replay, its full request body).
 */
export class ReportUnreadableError extends HookproofError {
  constructor(message: string) {
    super('REPORT_UNREADABLE', message);
  }
}

/** A signing or verification key is not an Ed25519 PEM key; the message says how to make one. */
export class KeyInvalidError extends HookproofError {
  constructor(message: string) {
    super('KEY_INVALID', message);
  }
}

/** A file hookproof was asked to write (`--out FILE`) cannot be written. */
export class OutputUnwritableError extends HookproofError {
  constructor(path: string, cause: unknown) {
    super('OUTPUT_UNWRITABLE', `cannot write ${path}: ${describeCause(cause)}`, { cause });
  }
}

/**
 * A DeliveryClient was used after `close()`: the caller's mistake (its connection pool is gone), so
 * a code of its own rather than INTERNAL.
 */
export class ClientClosedError extends HookproofError {
  constructor(message: string) {
    super('CLIENT_CLOSED', message);
  }
}

/**
 * The members of an `allOf` contradict each other (types or enums that share nothing, a schema in
 * its own allOf): the spec is invalid. Thrown by `flattenAllOf`, which does not know the spec's
 * path; the schema catalogue turns it into a {@link SpecInvalidError} naming the file.
 */
export class MergeConflict extends HookproofError {
  constructor(message: string) {
    super('SPEC_INVALID', message);
  }
}

/** Why a Pact Broker request failed: what the user checks first. */
export type BrokerFailureCause = 'refused' | 'dns' | 'tls' | 'status' | 'not-json' | 'timeout' | 'closed' | 'not-http' | 'network' | 'conflict' | 'unsupported';

/**
 * A Pact Broker request failed: no connection, no answer before the deadline, an error status or an
 * answer that is not the broker's JSON. The message names the real cause (never a credential); the
 * gate it was part of fails closed (exit 1).
 */
export class BrokerError extends HookproofError {
  readonly failure: BrokerFailureCause;
  /** The broker's HTTP status, for `status`. */
  readonly status: number | undefined;

  constructor(failure: BrokerFailureCause, message: string, options: { status?: number; cause?: unknown } = {}) {
    super('BROKER_FAILED', message, options.cause === undefined ? undefined : { cause: options.cause });
    this.failure = failure;
    this.status = options.status;
  }
}

/** A contract's bytes would not reach a verifier unchanged through a broker (or did not): publishing it would certify nothing. */
export class ContractNotPortableError extends HookproofError {
  constructor(message: string) {
    super('CONTRACT_NOT_PORTABLE', message);
  }
}

/**
 * A verifier hookproof runs in a process of its own (`pact verify`'s Pact core) gave no result
 * within its deadline; the process was ended. The verification did not happen, so a gate built
 * on it fails closed (exit 1).
 */
export class DeadlineExceededError extends HookproofError {
  constructor(message: string) {
    super('DEADLINE_EXCEEDED', message);
  }
}
