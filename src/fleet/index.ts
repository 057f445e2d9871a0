/** `hookproof fleet`: certify or recheck many receivers, sharded across CI jobs. */
export { runFleet, type FleetOptions } from './runFleet';
export { readTargetsFile } from './readTargetsFile';
export { parseShard, shardOf, type Shard } from './shard';
export { createRateLimiter } from './rateLimiter';
export type { FleetTarget } from './fleetTarget';
export type { FleetEntry, FleetIndex } from './fleetIndex';
