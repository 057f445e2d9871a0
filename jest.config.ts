/**
 * jest loads this file through ts-node, which only transpiles it here (type-checking it cost about
 * 3 CPU-s per run; `tsc --noEmit` type-checks it with the rest, tsconfig.json includes it), and
 * without tsconfig.json, whose node16 modules are not the CommonJS jest loads it as.
 * @jest-config-loader-options {"transpileOnly": true, "skipProject": true}
 */
import type { Config } from 'jest';

// Type-checking is done once by `tsc --noEmit` in `npm test`; ts-jest only transpiles here,
// which keeps every test file fast to load on a 2-core CI machine.
const config: Config = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { diagnostics: false }],
  },
  // Compiles src/ once for the tests that spawn the CLI (tests/support/hookproofFromSource.js).
  globalSetup: '<rootDir>/tests/setup/compileCli.js',
  // The build's cache of the parsed bundled spec sits beside the compiled module that reads it
  // (dist/spec/); src/spec/ has none, so every test file would parse the YAML again and compile
  // every validator. The sources read it from the copy globalSetup compiled and cached this run
  // (.test-cli/spec/): keyed by the spec's SHA-256 and the schemas' digest, it is never stale.
  // Likewise a child process forked from the sources runs the compiled copy while it is current,
  // not the sources through tsx (tests/support/childProgramCompiled.ts).
  moduleNameMapper: {
    '^\\./(spec/)?parsedSpecCache$': '<rootDir>/.test-cli/spec/parsedSpecCache.js',
    '^(\\.\\./)+childProgram$': '<rootDir>/tests/support/childProgramCompiled.ts',
  },
  setupFiles: ['<rootDir>/tests/setup/fastCheck.ts', '<rootDir>/tests/setup/pact.ts'],
  testTimeout: 60_000,
  // The slow tier (whole certifications, the packed package, nested jest runs) starts first, so that
  // no long file begins last and ends the run alone: see tests/support/slowFirstSequencer.js.
  testSequencer: '<rootDir>/tests/support/slowFirstSequencer.js',
  // Most suites wait on loopback servers and timeouts, not the CPU (a full run keeps about 1.3 of
  // the 2 cores busy with two workers): a third worker fills the idle time. hookproof never blames
  // a receiver for its own stalls (they are re-sent or inconclusive), so the extra load is safe.
  maxWorkers: 3,
};

export default config;
