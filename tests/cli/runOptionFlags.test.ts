import { invocationOf, runOptionFlags } from '../../src/cli/invocation';

describe("runOptionFlags: the run options certify and fleet record in the report's command line", () => {
  it('names the options that were given, as typed, in help order; a 0 seed is given', () => {
    expect(invocationOf(['certify'], runOptionFlags({ concurrency: 2, checks: ['SIG-1', 'EVT-6'], seed: 0, runs: 5 }))).toEqual([
      'certify',
      '--checks',
      'SIG-1,EVT-6',
      '--seed',
      '0',
      '--runs',
      '5',
      '--concurrency',
      '2',
    ]);
    expect(invocationOf(['fleet', 'targets.yaml'], runOptionFlags({ timeoutMs: 8000, maxEventBytes: 16384 }))).toEqual([
      'fleet',
      'targets.yaml',
      '--timeout-ms',
      '8000',
      '--max-event-bytes',
      '16384',
    ]);
  });
});
