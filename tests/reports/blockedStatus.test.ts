import { renderJunitXml, renderReportHtml, renderReportJson, renderSummary } from '../../src/reports';
import type { CertificationReport, CheckReport } from '../../src/evidence/certificationReport';
import { requirementTable } from '../../src/evidence/requirementTable';
import { makePassingReport } from './support/fixtures';
import { findAll, parseXml } from './support/parseXml';
import { reportShapeErrors } from './support/reportSchema';

const NOTE = "blocked by EVT-1: the same body with a single lower-case digest (gridX's usual form) was refused (400 permanent in 2 ms)";

/** A run where EVT-1 failed and blocked SIG-6: what every renderer must show. */
function blockedReport(): CertificationReport {
  const base = makePassingReport();
  const failed: CheckReport = { ...(base.checks[1] as CheckReport), status: 'fail', failures: [] };
  const blocked: CheckReport = {
    id: 'sig-rotation',
    title: 'Rotation',
    requirement: 'SIG-6',
    severity: 'required',
    status: 'blocked',
    cases: 10,
    durationMs: 12,
    failures: [],
    note: NOTE,
    blockedBy: ['EVT-1'],
  };
  const checks = [base.checks[0] as CheckReport, failed, blocked];
  return {
    ...base,
    verdict: 'fail',
    verdictReason: '1 required check(s) failed: EVT-1',
    summary: { pass: 1, fail: 1, warn: 0, skip: 0, blocked: 1, cases: 90 },
    checks,
    requirements: requirementTable(checks),
  };
}

describe('the blocked status in every report', () => {
  const report = blockedReport();

  it('report.json: status blocked with blockedBy, counted in the summary; the requirement is blocked', () => {
    const parsed = JSON.parse(renderReportJson(report)) as CertificationReport;
    expect(reportShapeErrors(parsed)).toEqual([]);
    expect(parsed.checks[2]).toMatchObject({ status: 'blocked', blockedBy: ['EVT-1'], note: NOTE });
    expect(parsed.summary.blocked).toBe(1);
    expect(parsed.requirements.find((r) => r.id === 'SIG-6')?.status).toBe('blocked');
  });

  it('junit.xml: a <skipped> whose message is the pointer, counted as skipped, not failed', () => {
    const root = parseXml(renderJunitXml(report));
    const rotation = findAll(root, 'testcase').find((t) => t.attributes.classname === 'SIG-6');
    const skipped = rotation?.children.find((c) => c.name === 'skipped');
    expect(skipped?.attributes.message).toBe(NOTE);
    expect(rotation?.children.some((c) => c.name === 'failure')).toBe(false);
    const suite = findAll(root, 'testsuite')[0];
    expect(suite?.attributes).toMatchObject({ failures: '1', skipped: '1' });
  });

  it('report.html: a BLOCKED badge for the check and its requirement, the note beside it', () => {
    const page = renderReportHtml(report);
    expect(page).toMatch(/<tr id="check-sig-rotation">.*<span class="badge s-blocked"><span aria-hidden="true">⊘<\/span> BLOCKED<\/span>/);
    expect(page).toMatch(/<tr id="req-SIG-6">.*s-blocked/);
    expect(page).toContain('blocked by EVT-1: the same body with a single lower-case digest');
  });

  it('console: the count in the summary line and one BLOCKED line with the pointer', () => {
    const text = renderSummary(report);
    expect(text).toMatch(/1 passed, 1 failed, 0 warnings, 0 skipped, 1 blocked · /);
    expect(text).toMatch(/^BLOCKED {2}sig-rotation {2}SIG-6 {2}10 cases {2}.*\(blocked by EVT-1: /m);
  });

  it('an incomplete verdict says so, and why, in the console and on the page', () => {
    const incomplete: CertificationReport = {
      ...report,
      verdict: 'incomplete',
      verdictReason: 'no case of required requirement(s) SIG-6 could be judged (SIG-6: blocked by EVT-1: …)',
    };
    expect(renderSummary(incomplete)).toMatch(/INCOMPLETE[\s\S]*\nIncomplete: no case of required requirement\(s\) SIG-6 could be judged/);
    const page = renderReportHtml(incomplete);
    expect(page).toContain('? INCOMPLETE');
    expect(page).toContain('Not certified: incomplete');
  });
});
