import fc from 'fast-check';

// Every property test runs from a fixed seed so CI is reproducible; fast-check prints the seed and
// the counterexample path on failure. Replay any run with FC_SEED=<seed> (and FC_PATH=<path>),
// or explore with FC_SEED=random.
const seedFromEnv = process.env.FC_SEED;
const seed = seedFromEnv === undefined ? 20261125 : seedFromEnv === 'random' ? Date.now() ^ (Math.random() * 0x100000000) : Number(seedFromEnv);

fc.configureGlobal({
  seed,
  ...(process.env.FC_PATH !== undefined ? { path: process.env.FC_PATH } : {}),
  ...(process.env.FC_NUM_RUNS !== undefined ? { numRuns: Number(process.env.FC_NUM_RUNS) } : {}),
});
