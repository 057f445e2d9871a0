// A partner's jest config for the gridX conformance files in this folder: plain CommonJS (.cjs, so a "type": "module" project runs it too), no
// transform, no ts-node. Run all of them, or one shard per CI machine:
//   npx jest -c gridx-conformance/jest.config.cjs --shard=1/3
/** @type {import('jest').Config} */
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/*.test.cjs'],
  // Each check is one test; a remote receiver with HOOKPROOF_RUNS=100 can take a while per check.
  testTimeout: 120_000,
};
