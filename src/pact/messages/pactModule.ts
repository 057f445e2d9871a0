import { requireOptional } from '../../requireOptional';

/**
 * The parts of pact-js the message helper uses: PactV4 and the V3 matchers. Required from their own
 * modules rather than the package index, which also loads the provider verifier and its ESM-only
 * proxy dependencies (which jest on Node 20 cannot require).
 */
export interface PactModule {
  readonly PactV4: (typeof import('@pact-foundation/pact/src/v4'))['PactV4'];
  readonly MatchersV3: typeof import('@pact-foundation/pact/src/v3/matchers');
}

let loaded: PactModule | undefined;

const FEATURE = 'the Pact message helper';

/**
 * Loads pact-js on first use (it starts the native Pact core), so importing hookproof stays fast.
 * It is an optional peer dependency: when it is missing, a DependencyMissingError says what to install.
 */
export function loadPact(): PactModule {
  loaded ??= {
    PactV4: (requireOptional('@pact-foundation/pact', '@pact-foundation/pact/src/v4', FEATURE) as typeof import('@pact-foundation/pact/src/v4')).PactV4,
    MatchersV3: requireOptional('@pact-foundation/pact', '@pact-foundation/pact/src/v3/matchers', FEATURE) as typeof import('@pact-foundation/pact/src/v3/matchers'),
  };
  return loaded;
}
