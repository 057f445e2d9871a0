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
  setupFiles: ['<rootDir>/tests/setup/fastCheck.ts', '<rootDir>/tests/setup/pact.ts'],
  testTimeout: 60_000,
  // Most suites wait on loopback servers and timeouts, not the CPU: two workers on a 2-core
  // machine keep `npm test` near half the time of jest's default of one.
  maxWorkers: 2,
};

export default config;
