import type { Engine } from '../engine';
import type { CertifyCapacityOptions } from '../runner/certifyOptions';
import type { JestGlobals } from './jestGlobals';

/** A value known now, later (a promise), or on demand (a function called when the first test runs). */
export type Deferred<T> = T | Promise<T> | (() => T | Promise<T>);

/** The receiver's secret: one (`secret`), or the current ones during a rotation (`secrets`). */
export type SecretOption = { readonly secret: string; readonly secrets?: undefined } | { readonly secrets: readonly string[]; readonly secret?: undefined };

/** Options of {@link describeReceiverConformance}; `url` and a secret are required. */
export type ReceiverConformanceOptions = SecretOption & {
  /**
   * The receiver URL, exactly as registered with gridX. A function (or promise) when the URL is
   * only known once something has started, e.g. a receiver started in your `beforeAll`: it is
   * called when the first check runs, after every `beforeAll`.
   */
  readonly url: Deferred<string>;
  /** Event types the receiver subscribes to (default: every type of the spec). */
  readonly types?: readonly string[];
  /** Check ids or requirement IDs to turn into tests (default: every check). */
  readonly checks?: readonly string[];
  /** Cases per property (default 100). */
  readonly runs?: number;
  /** Same seed → same cases (default: random, printed in every failure). */
  readonly seed?: number;
  /** Per-delivery timeout in ms (default gridX's deadline, `gridx.deadlineMs`). */
  readonly timeoutMs?: number;
  /** The largest generated body in bytes (default 65536). */
  readonly maxEventBytes?: number;
  /** Allow an http:// target (local or staging runs); TLS-1 then passes as a logged warning. */
  readonly allowHttp?: boolean;
  /** The spec to certify against (default: the bundled gridX spec). */
  readonly specPath?: string;
  /** An engine already built, shared with your own tests (takes precedence over `specPath`). */
  readonly engine?: Engine;
  /** Deliveries in flight at once in the concurrency check, DLV-6 (default 4). */
  readonly concurrency?: number;
  /** gridX's first retry delay for DLV-7 (default 1000 ms); lower it for local runs. */
  readonly retryBaseDelayMs?: number;
  /** jest timeout of each check's test (default 120 000 ms). */
  readonly testTimeoutMs?: number;
  /** Write report.json, junit.xml and report.html of the checks that ran here, after the last test. */
  readonly reportDir?: string;
  /** Title of the describe block (default "gridX webhook receiver conformance"). */
  readonly title?: string;
  /** Where warnings and skips are logged (default console.warn). Secrets are redacted first. */
  readonly log?: (message: string) => void;
  /** jest's API, when its globals are not injected: `import { describe, test, beforeAll, afterAll } from '@jest/globals'`. */
  readonly jest?: JestGlobals;
  /**
   * A declared rate (as `certify --rate`): one more test per capacity requirement, CAP-1..3, after
   * the checks' tests. The capacity phases run once, when the first of them runs, with the same
   * engine as certify (defaults: 30 s at the rate, a 10 s outage for CAP-2, an overload probe up to
   * 4 × the rate for CAP-3); they are blocked when a check that ran before failed to have a
   * correctly signed valid event accepted (SIG-1, EVT-1). Give the tests time: `testTimeoutMs`.
   */
  readonly capacity?: CertifyCapacityOptions;
};

export const ADAPTER_DEFAULTS = { title: 'gridX webhook receiver conformance', testTimeoutMs: 120_000 } as const;

/** Resolves a {@link Deferred} value. */
export async function resolveDeferred<T>(value: Deferred<T>): Promise<T> {
  return typeof value === 'function' ? (value as () => T | Promise<T>)() : value;
}

/**
 * The secrets list of a {@link SecretOption}: empty when a JavaScript caller gave neither, which
 * the types cannot rule out and `validateSecrets` then refuses with a message.
 */
export function secretsOf(options: SecretOption): readonly string[] {
  const given: { readonly secret?: string | undefined; readonly secrets?: readonly string[] | undefined } = options;
  const { secret, secrets } = given;
  return secrets ?? (secret !== undefined ? [secret] : []);
}
