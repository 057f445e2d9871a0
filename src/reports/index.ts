/** Report writers and console rendering: report.json, junit.xml, report.html, summary, progress. */
export type { CertificationReport, CheckReport, ReportedCheckRequirement, RequirementReport } from '../evidence/certificationReport';
export { writeReports, REPORT_FILE_NAMES, type ReportFiles } from './writeReports';
export { renderReportJson } from './json/renderReportJson';
export { renderJunitXml } from './junit/renderJunitXml';
export { renderReportHtml, CONTENT_SECURITY_POLICY } from './html/renderReportHtml';
export { redactSecrets, secretStrength, REDACTED, MIN_DISTINCTIVE_LENGTH, type SecretStrength } from '../redaction/redactSecrets';
export { redactValue } from '../redaction/redactValue';
export { maskUrlCredentials } from '../redaction/maskUrlCredentials';
export { terminalSafe } from '../text/terminalSafe';
export { renderSummary, type SummaryOptions } from './console/renderSummary';
export { createProgressRenderer, type ProgressOptions, type ProgressStream } from './console/createProgressRenderer';
