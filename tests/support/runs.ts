/** Runs per property: at least 1000 per event type, so rare branches of a schema are drawn; FC_NUM_RUNS overrides. */
export const RUNS_PER_TYPE = Number(process.env.FC_NUM_RUNS ?? 1000);
