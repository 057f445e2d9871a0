import { join } from 'node:path';
import { REPORT_FILE_NAMES, writeReports, type ReportFiles } from '../../reports';
import type { ListenReport } from './ListenReport';
import { toCertificationReport } from './toCertificationReport';

/**
 * Writes report.json, junit.xml and report.html of a listen run into `dir`, through the certify
 * writers (so with their redaction of `secrets` and their atomic writes).
 */
export function writeListenReports(report: ListenReport, dir: string, secrets: readonly string[]): Promise<ReportFiles> {
  return writeReports(toCertificationReport(report, secrets, join(dir, REPORT_FILE_NAMES.json)), dir, secrets);
}
