import type { CertificationReport } from '../../evidence/certificationReport';
import { VERSION } from '../../version';
import { renderReportHtml } from './renderReportHtml';

/**
 * Why report.html does not show what the report it embeds says, or undefined when it does. The
 * digest and the signature cover only the embedded report.json; a person reads the page. So the
 * page is rendered again from its embedded report and must be that page, byte for byte: an edited
 * banner ("✔ PASS" over a signed FAIL), a removed failure or an added line are all refused.
 * A page made by another hookproof version cannot be re-rendered identically, and says so.
 */
export function pageMismatch(page: string, report: CertificationReport): string | undefined {
  if (report.tool.version !== VERSION) {
    return `the page was rendered by hookproof ${report.tool.version}; this hookproof ${VERSION} cannot check that its visible content is the embedded report's: verify report.json instead`;
  }
  const expected = renderReportHtml(report);
  if (expected === page) return undefined;
  return `the page's visible content differs from the report it embeds (first difference on line ${firstDifferingLine(page, expected)}): it was edited after it was written`;
}

function firstDifferingLine(a: string, b: string): number {
  const left = a.split('\n');
  const right = b.split('\n');
  const index = left.findIndex((line, n) => line !== right[n]);
  return (index < 0 ? left.length : index) + 1;
}
