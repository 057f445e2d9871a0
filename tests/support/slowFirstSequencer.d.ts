import type { Test } from '@jest/test-result';
import TestSequencer from '@jest/test-sequencer';

/** jest's sequencer, with the slow tier (SLOW_FIRST, paths from the repository root) started first. */
declare class SlowFirstSequencer extends TestSequencer {
  sort(tests: Test[]): Test[];
}
declare namespace SlowFirstSequencer {
  const SLOW_FIRST: readonly string[];
}
export = SlowFirstSequencer;
