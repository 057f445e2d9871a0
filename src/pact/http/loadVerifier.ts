/** pact-js's provider verifier class. */
export type PactVerifierClass = (typeof import('@pact-foundation/pact'))['Verifier'];

let loaded: PactVerifierClass | undefined;

/**
 * Loads @pact-foundation/pact on first use: loading it takes most of a second and the native
 * Pact core, which no other command needs.
 */
export function loadVerifier(): PactVerifierClass {
  loaded ??= (require('@pact-foundation/pact') as typeof import('@pact-foundation/pact')).Verifier;
  return loaded;
}
