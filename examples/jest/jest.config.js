// A partner's jest config for the gridX conformance files in this folder: plain JavaScript, no
// transform, no ts-node. Run all of them, or one shard per CI machine:
//   npx jest -c gridx-conformance/jest.config.js --shard=1/3
/** @type {import('jest').Config} */
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/*.test.js'],
  // Each check is one test; a remote receiver with HOOKPROOF_RUNS=100 can take a while per check.
  testTimeout: 120_000,
};
