import type { CertificationReport } from '../evidence/certificationReport';
import { scopeOf } from './reportScope';
import { IN_TOTO_STATEMENT_TYPE, type StatementSubject } from './statement';

/** The standard in-toto predicate for a test run, read by generic policy engines (e.g. witness, OPA rules). */
export const TEST_RESULT_PREDICATE_TYPE = 'https://in-toto.io/attestation/test-result/v0.1';

/** in-toto test-result v0.1: the run's outcome and the names of its tests by outcome. */
export interface TestResultPredicate {
  readonly result: 'PASSED' | 'WARNED' | 'FAILED';
  /** What configured the run: the spec (by SHA-256, never a local path). */
  readonly configuration: ReadonlyArray<{ readonly name: string; readonly digest: { readonly sha256: string } }>;
  readonly passedTests: readonly string[];
  readonly warnedTests: readonly string[];
  readonly failedTests: readonly string[];
}

export interface TestResultStatement {
  readonly _type: typeof IN_TOTO_STATEMENT_TYPE;
  readonly subject: readonly StatementSubject[];
  readonly predicateType: typeof TEST_RESULT_PREDICATE_TYPE;
  readonly predicate: TestResultPredicate;
}

/**
 * The same run as hookproof's own statement, in the standard test-result shape, for tooling that
 * knows nothing of hookproof. Its vocabulary is coarser, so the mapping is conservative: only a
 * full-scope pass is PASSED; a partial pass or an incomplete run is WARNED (no certificate, no
 * failure found); a fail is FAILED. Tests are named `<requirement> <check id>`; a check that was
 * blocked, skipped or inconclusive counts as warned, never as passed.
 */
export function testResultStatementFor(report: CertificationReport, subject: readonly StatementSubject[]): TestResultStatement {
  const full = scopeOf(report).level === 'full';
  const result = report.verdict === 'fail' ? 'FAILED' : report.verdict === 'pass' && full ? 'PASSED' : 'WARNED';
  const name = (c: CertificationReport['checks'][number]): string => `${c.requirement} ${c.id}`;
  return {
    _type: IN_TOTO_STATEMENT_TYPE,
    subject,
    predicateType: TEST_RESULT_PREDICATE_TYPE,
    predicate: {
      result,
      configuration: [{ name: 'spec', digest: { sha256: report.spec.sha256 } }],
      passedTests: report.checks.filter((c) => c.status === 'pass').map(name),
      warnedTests: report.checks.filter((c) => c.status !== 'pass' && c.status !== 'fail').map(name),
      failedTests: report.checks.filter((c) => c.status === 'fail').map(name),
    },
  };
}
