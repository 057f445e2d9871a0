export { runCapacity, CAPACITY_LIMITS, type CapacityOptions, type CapacityProgress } from './runCapacity';
export { mergeCapacityReports } from './mergeCapacityReports';
export { writeCapacityReports, readCapacityReport, CAPACITY_FILE_NAMES } from './writeCapacityReports';
export { capacityLines, renderCapacityHtml, renderCapacityJson, renderCapacityJunit } from './renderCapacity';
export type { CapacityReport, CapacityPhaseReport, CapacitySettings, CapacitySecond } from './capacityReport';
export type { CapacityJudgement, CapacityStatus } from './judgeCapacity';
export type { CapacitySample } from './loadPhase';
export type { RecoveryBurstResult } from './recoveryBurst';
