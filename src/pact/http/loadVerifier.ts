import { requireOptional } from '../../requireOptional';

/** pact-js's provider verifier class. */
export type PactVerifierClass = (typeof import('@pact-foundation/pact'))['Verifier'];

let loaded: PactVerifierClass | undefined;

/**
 * Loads @pact-foundation/pact on first use: loading it takes most of a second and the native
 * Pact core, which no other command needs. It is an optional peer dependency: when it is missing,
 * a DependencyMissingError says what to install.
 */
export function loadVerifier(): PactVerifierClass {
  loaded ??= (requireOptional('@pact-foundation/pact', '@pact-foundation/pact', 'verifying a Pact contract') as typeof import('@pact-foundation/pact')).Verifier;
  return loaded;
}
