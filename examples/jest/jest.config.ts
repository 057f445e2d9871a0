import type { Config } from 'jest';

// A partner's jest config for the conformance files in this folder. Run all of them, or one
// shard per CI machine:  npx jest -c examples/jest/jest.config.ts --shard=1/2
const config: Config = {
  rootDir: '.',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
  // hookproof ships TypeScript sources: let ts-jest compile them in node_modules too.
  transformIgnorePatterns: ['/node_modules/(?!hookproof/)'],
  // Each check is one test; a remote receiver with --runs 100 can take a while per check.
  testTimeout: 120_000,
};

export default config;
