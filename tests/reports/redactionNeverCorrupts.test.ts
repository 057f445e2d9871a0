import fc from 'fast-check';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Failure } from '../../src/evidence/failure';
import { renderSummary, writeReports } from '../../src/reports';
import type { CertificationReport } from '../../src/evidence/certificationReport';
import { makeReport } from './support/fixtures';
import { parseXml, type XmlElement } from './support/parseXml';
import { reportShapeErrors } from './support/reportSchema';
import { leakedForms } from './support/secret';

/**
 * Secrets that spell the reports' own keys and markup, or start with a letter that follows a
 * backslash in JSON escapes (`\n`, `\t` …): redacting finished text corrupted each of them.
 */
const STRUCTURAL = [
  'signature',
  'checks',
  'testcase',
  'properties',
  'failures',
  'requirements',
  'testsuite',
  'bodyBase64',
  'nfailure',
  'tabulated',
  'rnbft-secret',
  'u00e9abc',
  'quot;amp;',
  '</testcase>',
  '","checks":',
];

const secretArbitrary = fc.oneof(
  fc.constantFrom(...STRUCTURAL),
  fc.string({ minLength: 8, maxLength: 24 }).filter((s) => s.trim() !== ''),
  fc.string({ minLength: 8, maxLength: 24, unit: 'grapheme' }).filter((s) => s.trim() !== ''),
);

/** A report carrying `secret` in a label, an actual answer, a note and a request body. */
function reportWith(secret: string): CertificationReport {
  const base = makeReport();
  const body = Buffer.from(`{"note":${JSON.stringify(secret)},"n":1}`);
  const checks = base.checks.map((check, i) => {
    if (i !== 1) return check;
    const [first, ...rest] = check.failures as Failure[];
    const leaky: Failure = {
      ...(first as Failure),
      label: `label ${secret}`,
      actual: `401 permanent: ${secret}`,
      request: { ...(first as Failure).request, bodyBase64: body.toString('base64'), bodyText: body.toString('utf8') },
    };
    return { ...check, note: `the receiver said ${secret}`, failures: [leaky, ...rest] };
  });
  return { ...base, checks };
}

function stringValues(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringValues);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(stringValues);
  return [];
}

/**
 * The values hookproof wrote itself (ids, requirements, severities, statuses, variants, the tool…):
 * redaction leaves them alone (a secret that spells "signature" must not rewrite a coverage column),
 * so a value is searched for the secret with these taken out.
 */
function withoutOwnValues(report: CertificationReport): (value: string) => string {
  const own = [
    ...stringValues([report.tool, report.options, report.requirements, report.coverage, report.summary, report.verdict]),
    ...report.checks.flatMap((c) => [c.id, c.title, c.requirement, c.severity, c.status, ...c.failures.flatMap((f) => [f.case, f.variant ?? '', f.eventType ?? ''])]),
  ]
    .filter((v) => v !== '')
    .sort((a, b) => b.length - a.length);
  return (value) => own.reduce((text, word) => text.split(word).join(''), value);
}

function xmlValues(element: XmlElement): string[] {
  return [element.text, ...Object.values(element.attributes), ...element.children.flatMap(xmlValues)];
}

describe('redaction of any secret keeps every report valid and never writes the secret', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hookproof-redaction-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('report.json parses and keeps its shape, junit.xml parses, no value holds the secret', async () => {
    await fc.assert(
      fc.asyncProperty(secretArbitrary, async (secret) => {
        const files = await writeReports(reportWith(secret), dir, [secret]);
        const json: unknown = JSON.parse(await readFile(files.json, 'utf8'));
        expect(reportShapeErrors(json)).toEqual([]);
        const outside = withoutOwnValues(reportWith(secret));
        expect(stringValues(json).filter((v) => leakedForms(outside(v), secret).length > 0)).toEqual([]);
        const junit = parseXml(await readFile(files.junit, 'utf8'));
        expect(xmlValues(junit).filter((v) => outside(v).includes(secret))).toEqual([]);
        // The HTML page puts values only between tags and in attributes: the planted context is gone.
        const html = await readFile(files.html, 'utf8');
        expect(html).not.toContain(`the receiver said ${secret}`);
        expect(html).toContain('the receiver said [redacted]');
        const parsed = json as CertificationReport;
        const request = parsed.checks[1]?.failures[0]?.request;
        // The body is marked: the size sent stays truthful, the stored copy is redacted.
        expect(request?.redacted?.size).toBe(Buffer.byteLength(`{"note":${JSON.stringify(secret)},"n":1}`));
        expect(Buffer.from(request?.bodyBase64 ?? '', 'base64').toString('utf8')).not.toContain(secret);
      }),
      { numRuns: 60 },
    );
  });

  it('the console summary never shows the secret', () => {
    fc.assert(
      fc.property(secretArbitrary, (secret) => {
        const text = renderSummary(reportWith(secret), { htmlPath: 'report.html', secrets: [secret] });
        expect(text).not.toContain(`the receiver said ${secret}`);
        expect(text).not.toContain(`401 permanent: ${secret}`);
      }),
      { numRuns: 60 },
    );
  });

  it('marks nothing when no secret is in a body', async () => {
    const files = await writeReports(makeReport(), dir, ['an-unrelated-secret']);
    const parsed = JSON.parse(await readFile(files.json, 'utf8')) as CertificationReport;
    expect(parsed.checks.flatMap((c) => c.failures).filter((f) => f.request.redacted !== undefined)).toEqual([]);
  });
});
