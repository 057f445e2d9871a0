/**
 * `hookproof/capacity`: CAP-1..3, the rate a receiver holds and the storm after an outage, as a
 * library (`hookproof capacity` is the same over the command line).
 *
 * Importing this module loads nothing heavy: each function loads its module (undici, the latency
 * histograms) the first time it is called.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- the lazy loads described above: the build is CommonJS */
import type * as RunCapacity from './runCapacity';
import type * as MergeCapacityReports from './mergeCapacityReports';
import type * as WriteCapacityReports from './writeCapacityReports';

export type { CapacityOptions, CapacityProgress } from './runCapacity';
export type { CapacityReport, CapacityPhaseReport } from './capacityReport';
export type { CapacityJudgement, CapacityStatus } from './judgeCapacity';
export type { CapacitySample } from './loadPhase';

/** Runs CAP-1 (a declared rate held), a find-max ramp, or CAP-2 (an outage's backlog) against a receiver. */
export const runCapacity: typeof RunCapacity.runCapacity = (...args) => (require('./runCapacity') as typeof RunCapacity).runCapacity(...args);
/** One report from the shards of a capacity run. */
export const mergeCapacityReports: typeof MergeCapacityReports.mergeCapacityReports = (...args) =>
  (require('./mergeCapacityReports') as typeof MergeCapacityReports).mergeCapacityReports(...args);
/** Writes capacity.json, junit.xml and capacity.html into a directory. */
export const writeCapacityReports: typeof WriteCapacityReports.writeCapacityReports = (...args) =>
  (require('./writeCapacityReports') as typeof WriteCapacityReports).writeCapacityReports(...args);
/** Reads a capacity.json written by `writeCapacityReports` (ReportUnreadableError when it is not one). */
export const readCapacityReport: typeof WriteCapacityReports.readCapacityReport = (...args) =>
  (require('./writeCapacityReports') as typeof WriteCapacityReports).readCapacityReport(...args);
