/**
 * Runs per property and event type: 300 draw every branch the spec's schemas have (the coverage
 * assertions say so) and keep `npm test` within its 8 minutes on 2 cores; FC_NUM_RUNS overrides,
 * e.g. FC_NUM_RUNS=5000 for a deeper run by hand.
 */
export const RUNS_PER_TYPE = Number(process.env.FC_NUM_RUNS ?? 300);
