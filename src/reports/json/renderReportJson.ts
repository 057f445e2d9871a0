import type { CertificationReport } from '../../evidence/certificationReport';
import { orderKeys } from './orderKeys';
import { REPORT_KEY_ORDER } from './reportKeyOrder';
import { jsonText } from '../../text/jsonText';

/**
 * report.json's text: two-space indented, keys in the order of the `CertificationReport` type,
 * each coverage row's counts in the order of `coverage.variants`, ending with a newline. Request
 * headers keep the order they were sent in. Pure: redaction is the writer's job (`writeReports`).
 */
export function renderReportJson(report: CertificationReport): string {
  const { variants, rows } = report.coverage;
  const coverage = { ...report.coverage, rows: rows.map((row) => ({ ...row, counts: orderKeys(row.counts, { keys: variants }) })) };
  return jsonText(orderKeys({ ...report, coverage }, REPORT_KEY_ORDER));
}
