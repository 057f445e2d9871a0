import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readReportFile } from '../../src/attest/readReportFile';
import { reportDigest } from '../../src/attest/reportDigest';
import { reportSchemaProblem } from '../../src/attest/reportSchema';
import type { CertificationReport } from '../../src/evidence/certificationReport';
import { writeReports } from '../../src/reports';
import { VERSION } from '../../src/version';
import { makePassingReport, makeReport } from '../reports/support/fixtures';
import { cli, tmp } from '../recheck/support';

const ENV = { RECEIVER_SECRET: 'reader-test-secret-8c1f' };

/** A report as hookproof writes it, for this version (report.html is re-rendered by this version). */
async function written(dir: string, report: CertificationReport): Promise<{ json: string; html: string }> {
  return writeReports({ ...report, tool: { name: 'hookproof', version: VERSION } }, dir, []);
}

/** Writes `value` with its digest recomputed: a forger's report, not a changed one. */
function redigested(path: string, value: Record<string, unknown>): string {
  writeFileSync(path, JSON.stringify({ ...value, digest: reportDigest(value) }, null, 2));
  return path;
}

describe('the report reader: strict JSON, the published schema, one line and exit 2 for anything else', () => {
  const dir = tmp('hookproof-reader-');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads every report hookproof writes (failing, passing, sender, incomplete, recheck), which the schema accepts', async () => {
    const reports: CertificationReport[] = [
      makeReport({ gone: true }),
      makePassingReport(),
      { ...makePassingReport(), subject: 'sender' },
      { ...makePassingReport(), verdict: 'incomplete', verdictReason: 'no case of SIG-1 could be judged' },
      { ...makePassingReport(), scope: { level: 'partial', narrowed: ['checks'], details: ['checks: SIG-1 only'] } },
      {
        ...makePassingReport(),
        recheck: { of: { digest: `sha256:${'a'.repeat(64)}`, path: 'r/report.json', verdict: 'pass', startedAt: '2026-11-25T10:00:00.000Z' }, verdict: 'confirmed', checks: [] },
      },
    ];
    for (const [n, report] of reports.entries()) {
      const files = await written(join(dir, `ok-${n}`), report);
      expect(reportSchemaProblem(JSON.parse(readFileSync(files.json, 'utf8')))).toBeUndefined();
      expect(readReportFile(files.json).digest).toMatch(/^sha256:/);
      expect(readReportFile(files.html)).toEqual(readReportFile(files.json));
    }
  });

  it('writes receiver text with lone surrogates as U+FFFD, so its own report stays readable', async () => {
    const report = makeReport();
    const title = 'receiver said \udead and \ud83d';
    const files = await written(join(dir, 'surrogates'), { ...report, verdictReason: title });
    expect(readReportFile(files.json).verdictReason).toBe('receiver said \ufffd and \ufffd');
  });

  const malformed: ReadonlyArray<readonly [string, (r: Record<string, unknown>) => Record<string, unknown>, RegExp]> = [
    ['tool: null', (r) => ({ ...r, tool: null }), /\/tool must be object/],
    ['no options', ({ options: _o, ...r }) => r, /the report has no "options"/],
    ['spec: null', (r) => ({ ...r, spec: null }), /\/spec must be object/],
    ['target: {}', (r) => ({ ...r, target: {} }), /\/target has no "url"/],
    ['allowHttp: "yes"', (r) => ({ ...r, options: { ...(r.options as object), allowHttp: 'yes' } }), /\/options\/allowHttp must be boolean/],
    ['checks: "SIG-2"', (r) => ({ ...r, options: { ...(r.options as object), checks: 'SIG-2' } }), /\/options\/checks must be array/],
    ['verdict: "ok"', (r) => ({ ...r, verdict: 'ok' }), /\/verdict must be one of "pass", "fail", "incomplete"/],
  ];

  it.each(malformed)('refuses a report with %s (digest recomputed): one line, exit 2, in report verify and recheck', async (_name, change, message) => {
    const base = JSON.parse(readFileSync((await written(join(dir, 'base'), makePassingReport())).json, 'utf8')) as Record<string, unknown>;
    const { digest: _digest, ...content } = base;
    const path = redigested(join(dir, `bad-${_name.replace(/\W+/g, '-')}.json`), change(content));
    const verified = await cli(['report', 'verify', path], ENV);
    const rechecked = await cli(['recheck', path, '--secret-env', 'RECEIVER_SECRET', '--report-dir', join(dir, 'never')], ENV);
    for (const result of [verified, rechecked]) {
      expect(result.code).toBe(2);
      expect(result.err.split('\n')).toHaveLength(1);
      expect(result.err).toMatch(message);
      expect(result.err).toContain('is not a valid hookproof report');
      expect(result.err).not.toMatch(/internal error|TypeError|Cannot read/);
    }
  });

  it('refuses a duplicate "verdict" member and a lone surrogate escape, which JSON.parse would let through', async () => {
    const files = await written(join(dir, 'dup'), makeReport());
    const text = readFileSync(files.json, 'utf8');
    // The signed, digested verdict is "fail"; a second member after it says "pass".
    writeFileSync(join(dir, 'dup.json'), text.replace(/\n}\n$/, ',\n  "verdict": "pass"\n}\n'));
    expect((JSON.parse(readFileSync(join(dir, 'dup.json'), 'utf8')) as CertificationReport).verdict).toBe('pass');
    const dup = await cli(['report', 'verify', join(dir, 'dup.json')], ENV);
    expect(dup).toMatchObject({ code: 2, err: expect.stringContaining('duplicate member name "verdict"') });
    const report = JSON.parse(text) as CertificationReport;
    redigested(join(dir, 'lone.json'), { ...report, verdictReason: '\udead' });
    expect(readFileSync(join(dir, 'lone.json'), 'utf8')).toContain('\\udead');
    const lone = await cli(['report', 'verify', join(dir, 'lone.json')], ENV);
    expect(lone).toMatchObject({ code: 2, err: expect.stringContaining('lone surrogate') });
    writeFileSync(join(dir, 'latin1.json'), Buffer.concat([Buffer.from(text.slice(0, 20)), Buffer.from([0xe9]), Buffer.from(text.slice(20))]));
    expect(await cli(['report', 'verify', join(dir, 'latin1.json')], ENV)).toMatchObject({ code: 2, err: expect.stringContaining('not UTF-8') });
  });

  it('verifies report.html only when the page shows exactly the report it embeds', async () => {
    const files = await written(join(dir, 'page'), makeReport());
    const sound = await cli(['report', 'verify', files.html], ENV);
    expect(sound.code).toBe(0);
    expect(sound.out).toContain('page       shows exactly the embedded report');
    const page = readFileSync(files.html, 'utf8');
    // A FAIL certificate whose visible banner was edited to PASS; the embedded report is untouched.
    const forged = page.replace('✘ FAIL', '✔ PASS');
    expect(forged).not.toBe(page);
    writeFileSync(files.html, forged);
    const edited = await cli(['report', 'verify', files.html], ENV);
    expect(edited.code).toBe(1);
    expect(edited.err).toMatch(/the page's visible content differs from the report it embeds \(first difference on line \d+\)/);
    expect(edited.out).toContain('INVALID');
    // The report.json beside it is still sound.
    expect(await cli(['report', 'verify', files.json], ENV)).toMatchObject({ code: 0 });
  });
});
