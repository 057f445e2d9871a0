import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { writeReports } from '../../src/reports';
import type { CertificationReport } from '../../src/evidence/certificationReport';
import { makeReport } from './support/fixtures';
import { parseXml } from './support/parseXml';
import { reportShapeErrors } from './support/reportSchema';
import { leakedForms, SECRET } from './support/secret';

describe('writeReports', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hookproof-reports-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes report.json, junit.xml and report.html into a new nested directory', async () => {
    const files = await writeReports(makeReport(), join(dir, 'a', 'b'), [SECRET]);
    expect(files).toEqual({ json: join(dir, 'a/b/report.json'), junit: join(dir, 'a/b/junit.xml'), html: join(dir, 'a/b/report.html') });
    for (const path of [files.json, files.junit, files.html]) expect(isAbsolute(path) && existsSync(path)).toBe(true);
    expect((await readdir(join(dir, 'a/b'))).sort()).toEqual(['junit.xml', 'report.html', 'report.json']);
  });

  it('never writes a secret that slipped into a note, a label, a body or the URL, in any encoding', async () => {
    const report = makeReport({ leakSecret: true, gone: true });
    // The fixture really does carry the secret in several forms, so the check below is not vacuous.
    expect(leakedForms(stringsOf(report).join('\n'))).toEqual(expect.arrayContaining(['raw', 'json', 'hex', 'percent', 'base64']));
    const files = await writeReports(report, dir, [SECRET]);
    for (const path of [files.json, files.junit, files.html]) {
      const text = await readFile(path, 'utf8');
      expect({ path, leaked: leakedForms(text) }).toEqual({ path, leaked: [] });
      expect(text).toContain('[redacted]');
    }
    // Redaction keeps every format valid.
    const json: unknown = JSON.parse(await readFile(files.json, 'utf8'));
    expect(reportShapeErrors(json)).toEqual([]);
    expect(() => parseXml(readFileSync(files.junit, 'utf8'))).not.toThrow();
  });

  it('redacts a request body as bytes, so its base64 still decodes and curl sends the redacted body', async () => {
    const files = await writeReports(makeReport({ leakSecret: true }), dir, [SECRET]);
    const report = JSON.parse(await readFile(files.json, 'utf8')) as CertificationReport;
    const failure = report.checks[1]?.failures[0];
    expect(Buffer.from(failure?.request.bodyBase64 ?? '', 'base64').toString('utf8')).toBe('{"s":"[redacted]"}');
    expect(failure?.request.bodyText).toBe('{"s":"[redacted]"}');
    expect(failure?.reproduce.curl).toContain(`printf '%s' '${failure?.request.bodyBase64 ?? '?'}'`);
  });

  it('replaces earlier reports in place', async () => {
    await writeReports(makeReport({ gone: true }), dir, [SECRET]);
    const files = await writeReports(makeReport(), dir, [SECRET]);
    expect(await readFile(files.html, 'utf8')).not.toContain('id="gone"');
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});

/** Every string inside a value, as the report's data holds them (before any escaping). */
function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(stringsOf);
  return [];
}
