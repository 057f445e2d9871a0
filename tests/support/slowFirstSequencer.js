'use strict';
// jest's test order for `npm test`. jest runs the files it timed before longest first, and files it
// never timed (every CI run: a clean clone has no cache) largest first, so that a long round-trip
// can start last and end the run alone on one worker while the others idle. The slow tier below
// (whole certifications, packing the package, nested jest runs, timed load) is started first, in
// this order, and every other file fills the remaining workers around it: the same files all run,
// in parallel, only sooner. Listed by typical wall time on the 2-core CI machine.
const { relative, sep } = require('node:path');
const TestSequencer = require('@jest/test-sequencer').default;

const SLOW_FIRST = [
  'tests/package/packedTarball.test.ts',
  'tests/capacity/capacity.test.ts',
  'tests/checks/hostile.test.ts',
  'tests/spec/historyCertify.test.ts',
  'tests/jest/shardExamples.test.ts',
  'tests/checks/signature/matrix.test.ts',
  'tests/pact/http/stockVerifier.test.ts',
  'tests/checks/events/invalidEvents.test.ts',
  'tests/checks/events/bodyLimit.test.ts',
  'tests/checks/attribution.test.ts',
  'tests/reports/realRun.test.ts',
  'tests/golden/reports.test.ts',
  'tests/findings/strictServer.test.ts',
];

class SlowFirstSequencer extends TestSequencer {
  sort(tests) {
    const rest = super.sort(tests);
    const rank = (test) => SLOW_FIRST.indexOf(relative(test.context.config.rootDir, test.path).split(sep).join('/'));
    const slow = rest.filter((test) => rank(test) >= 0).sort((a, b) => rank(a) - rank(b));
    return [...slow, ...rest.filter((test) => rank(test) < 0)];
  }
}

module.exports = SlowFirstSequencer;
module.exports.SLOW_FIRST = SLOW_FIRST;
