import type { ChildFailure } from '../../errors';
import type { VerifierLogLevel } from './verifyHttpPact';
import type { HttpVerificationResult } from './verificationResult';

/** What the Pact verifier's own process needs to verify one set of pact files. */
export interface VerifierJob {
  readonly url: string;
  readonly secrets: readonly string[];
  readonly files: readonly string[];
  readonly exactBodies: readonly Uint8Array[];
  readonly timeoutMs: number;
  readonly logLevel: VerifierLogLevel;
  /** `-H` headers added to every request to the receiver. */
  readonly headers?: Readonly<Record<string, string>>;
}

export type ToVerifier = { readonly kind: 'run'; readonly job: VerifierJob };

export type FromVerifier = { readonly kind: 'ready' } | { readonly kind: 'done'; readonly result: HttpVerificationResult } | ({ readonly kind: 'failed' } & ChildFailure);
