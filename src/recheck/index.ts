/** `hookproof recheck`: run the certification a report describes again and compare. */
export { runRecheck, type RecheckOptions } from './runRecheck';
export { compareReports } from './compareReports';
export type { RecheckResult, CheckComparison, DifferingCase } from '../evidence/recheckResult';
