import { renderReportJson } from '../../src/reports';
import type { CertificationReport } from '../../src/evidence/certificationReport';
import { makeReport } from './support/fixtures';
import { reportShapeErrors } from './support/reportSchema';

/**
 * The same object with its keys in reverse order, recursively: what a careless builder might make.
 * Request headers are data sent in that order, so they are left as they are.
 */
function reversed(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversed);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, k === 'headers' ? v : reversed(v)]),
  );
}

describe('report.json', () => {
  it('round-trips the report and fits the schema, with and without GONE', () => {
    for (const report of [makeReport(), makeReport({ gone: true })]) {
      const parsed: unknown = JSON.parse(renderReportJson(report));
      expect(reportShapeErrors(parsed)).toEqual([]);
      expect(parsed).toEqual(report);
    }
  });

  it('is pretty-printed and ends with a newline', () => {
    const text = renderReportJson(makeReport());
    expect(text.startsWith('{\n  "formatVersion": 1,\n  "tool": {\n    "name": "hookproof",')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('writes keys in the order of the type, whatever order the objects were built in', () => {
    const report = reversed(makeReport()) as CertificationReport;
    const parsed = JSON.parse(renderReportJson(report)) as Record<string, unknown> & CertificationReport;
    expect(Object.keys(parsed)).toEqual([
      'formatVersion',
      'tool',
      'spec',
      'target',
      'seed',
      'options',
      'startedAt',
      'finishedAt',
      'verdict',
      'summary',
      'checks',
      'requirements',
      'coverage',
    ]);
    expect(Object.keys(parsed.options)).toEqual(['runs', 'timeoutMs', 'concurrency', 'allowHttp', 'types', 'checks', 'secrets']);
    expect(Object.keys(parsed.summary)).toEqual(['pass', 'fail', 'warn', 'skip', 'cases']);
    const failing = parsed.checks[1];
    expect(Object.keys(failing ?? {})).toEqual(['id', 'title', 'requirement', 'severity', 'status', 'cases', 'durationMs', 'failures', 'note'].filter((k) => k !== 'note'));
    const failure = failing?.failures[0];
    expect(Object.keys(failure ?? {})).toEqual(['case', 'label', 'expected', 'actual', 'reproduce', 'request']);
    expect(Object.keys(failure?.reproduce ?? {})).toEqual(['curl', 'replay']);
    expect(Object.keys(failure?.request ?? {})).toEqual(['bodyBase64', 'bodyText', 'headers', 'signature']);
    expect(Object.keys(parsed.requirements[0] ?? {})).toEqual(['id', 'severity', 'summary', 'status', 'checks']);
    expect(Object.keys(parsed.coverage)).toEqual(['variants', 'rows']);
    expect(Object.keys(parsed.coverage.rows[0]?.counts ?? {})).toEqual(parsed.coverage.variants);
  });

  it('is byte-identical for the same report built in different key orders', () => {
    expect(renderReportJson(reversed(makeReport({ gone: true })) as CertificationReport)).toBe(renderReportJson(makeReport({ gone: true })));
  });

  it('keeps a field it does not know (added to the type later) after the known ones', () => {
    const report = { ...makeReport(), extraLater: { x: 1 } } as CertificationReport;
    const keys = Object.keys(JSON.parse(renderReportJson(report)) as object);
    expect(keys[keys.length - 1]).toBe('extraLater');
  });

  it('rejects a wrong shape (the schema check is not vacuous)', () => {
    const broken = JSON.parse(renderReportJson(makeReport())) as Record<string, unknown>;
    broken.seed = '7';
    delete broken.coverage;
    expect(reportShapeErrors(broken).join('\n')).toMatch(/seed.*integer[\s\S]*coverage|coverage[\s\S]*seed/);
  });
});
