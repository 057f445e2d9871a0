import { compareReports } from '../../src/recheck/compareReports';
import type { CertificationReport, CheckReport } from '../../src/evidence/certificationReport';
import { makeReport } from '../reports/support/fixtures';

/** The fixture with one check replaced. */
function withCheck(report: CertificationReport, id: string, change: (check: CheckReport) => CheckReport): CertificationReport {
  const checks = report.checks.map((c) => (c.id === id ? change(c) : c));
  return { ...report, checks, verdict: checks.some((c) => c.status === 'fail') ? 'fail' : 'pass' };
}

describe('compareReports', () => {
  const original = makeReport();

  it('confirms a run with the same statuses, whatever the timings and wording of the answers', () => {
    const again = {
      ...original,
      checks: original.checks.map((c) => ({ ...c, durationMs: c.durationMs + 5, failures: c.failures.map((f) => ({ ...f, actual: `${f.actual} (slower)` })) })),
    };
    const result = compareReports(original, again);
    expect(result.verdict).toBe('confirmed');
    expect(result.checks.every((c) => c.result === 'confirmed' && c.original === c.now)).toBe(true);
  });

  it("names the original's first failure when the receiver was fixed since", () => {
    const fixed = withCheck(original, 'sig-wrong-secret', (c) => ({ ...c, status: 'pass', failures: [] }));
    const result = compareReports(original, fixed);
    expect(result.verdict).toBe('not confirmed');
    expect(result.checks.filter((c) => c.result === 'differs')).toEqual([
      {
        id: 'sig-wrong-secret',
        requirement: 'SIG-3',
        result: 'differs',
        original: 'fail',
        now: 'pass',
        firstDifferingCase: {
          failedIn: 'original',
          case: 'sig-wrong-secret#1',
          label: original.checks[1]?.failures[0]?.label,
          expected: original.checks[1]?.failures[0]?.expected,
          actual: original.checks[1]?.failures[0]?.actual,
        },
      },
    ]);
  });

  it('counts a check missing from the recheck, or new in it, as a difference', () => {
    const fewer = { ...original, checks: original.checks.filter((c) => c.id !== 'sig-empty-401') };
    expect(compareReports(original, fewer).checks.find((c) => c.id === 'sig-empty-401')).toMatchObject({ result: 'differs', original: 'warn', now: 'absent' });
    expect(compareReports(fewer, original)).toMatchObject({ verdict: 'not confirmed' });
    expect(compareReports(fewer, original).checks.at(-1)).toMatchObject({ id: 'sig-empty-401', original: 'absent', now: 'warn' });
  });
});
