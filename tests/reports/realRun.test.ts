import { reportDigest } from '../../src/attest/reportDigest';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createProgressRenderer, renderSummary, writeReports } from '../../src/reports';
import type { CertificationReport } from '../../src/evidence/certificationReport';
import { startReferenceReceiver } from '../../src/receiver';
import type { ProgressEvent } from '../../src/evidence/progressEvent';
import { certify } from './support/certify';
import { findAll, parseXml } from './support/parseXml';
import { defectiveReceiver, goneReceiver } from './support/receivers';
import { closeAfterAll } from '../support/servers';
import { reportShapeErrors } from './support/reportSchema';
import { bodyText, networkReferences } from './support/htmlChecks';
import { leakedForms, SECRET } from './support/secret';

/** Everything a real run produces: the report, the written files, the console output. */
interface RunOutput {
  readonly report: CertificationReport;
  readonly json: string;
  readonly junit: string;
  readonly html: string;
  readonly summary: string;
  readonly ciProgress: string;
  readonly ttyProgress: string;
}

async function runAndWrite(url: string, dir: string): Promise<RunOutput> {
  const events: ProgressEvent[] = [];
  const report = await certify(url, (event) => events.push(event), join(dir, 'report.json'));
  const files = await writeReports(report, dir, [SECRET]);
  const record = (isTTY: boolean): string => {
    let out = '';
    const render = createProgressRenderer({ isTTY, columns: 120, write: (s: string) => (out += s) }, { secrets: [SECRET], now: () => 0 });
    events.forEach(render);
    return out;
  };
  return {
    report,
    json: await readFile(files.json, 'utf8'),
    junit: await readFile(files.junit, 'utf8'),
    html: await readFile(files.html, 'utf8'),
    summary: renderSummary(report, { secrets: [SECRET], htmlPath: files.html }),
    ciProgress: record(false),
    ttyProgress: record(true),
  };
}

function allText(out: RunOutput): Record<string, string> {
  return { json: out.json, junit: out.junit, html: out.html, summary: out.summary, ciProgress: out.ciProgress, ttyProgress: out.ttyProgress };
}

describe('reports of real certification runs', () => {
  let dir: string;
  const closing = closeAfterAll();
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'hookproof-real-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  describe('the reference receiver', () => {
    let out: RunOutput;
    beforeAll(async () => {
      const receiver = await closing(startReferenceReceiver({ secrets: [SECRET] }));
      out = await runAndWrite(`${receiver.url}hooks/gridx`, join(dir, 'sound'));
    });

    it('passes, and report.json has the full shape', () => {
      expect(out.report.verdict).toBe('pass');
      expect(out.report.checks.length).toBeGreaterThan(0);
      const parsed: unknown = JSON.parse(out.json);
      expect(reportShapeErrors(parsed)).toEqual([]);
      // The file is the report plus its digest, which is the digest of the rest of the file.
      const { digest, ...content } = parsed as CertificationReport;
      expect(digest).toBe(reportDigest(content as CertificationReport));
      expect(content).toEqual(JSON.parse(JSON.stringify(out.report)));
    });

    it('writes a junit.xml with one passing testcase per check', () => {
      const root = parseXml(out.junit);
      const cases = findAll(root, 'testcase');
      expect(cases.map((c) => c.attributes.name)).toEqual(out.report.checks.map((c) => `${c.id}: ${c.title}`));
      expect(findAll(root, 'failure')).toEqual([]);
    });

    it('prints a short summary and one progress line per check', () => {
      // A run with fewer cases than the default is partial: labelled so beside its verdict.
      expect(out.report.scope?.level).toBe('partial');
      expect(out.summary.split('\n')[0]).toMatch(/^hookproof \S+ {2}PASS {2}PARTIAL {2}http:\/\/127\.0\.0\.1:\d+\/hooks\/gridx$/);
      const lines = out.ciProgress.trim().split('\n');
      expect(lines).toHaveLength(out.report.checks.length + 1);
      for (const check of out.report.checks) {
        const line = `${check.status.toUpperCase()}  ${check.id}  ${check.requirement}  ${check.cases} ${check.cases === 1 ? 'case' : 'cases'}  ${(check.durationMs / 1000).toFixed(1)} s`;
        expect(lines.some((l) => l === line || l.startsWith(`${line}  `))).toBe(true);
      }
    });
  });

  describe('a defective receiver, with the secret in its URL as some receivers do', () => {
    let out: RunOutput;
    beforeAll(async () => {
      const receiver = await closing(defectiveReceiver());
      out = await runAndWrite(`${receiver.url}hooks?token=${encodeURIComponent(SECRET)}`, join(dir, 'defective'));
    });

    it('fails, with failures that carry a reproduction', () => {
      expect(out.report.verdict).toBe('fail');
      const failures = out.report.checks.flatMap((c) => c.failures);
      expect(failures.length).toBeGreaterThan(0);
      expect(reportShapeErrors(JSON.parse(out.json))).toEqual([]);
      // The runner puts the URL (with the secret) into curl and replay: the writers must not.
      expect(leakedForms(JSON.stringify(out.report))).toContain('percent');
    });

    it('writes no secret in any file or console output', () => {
      for (const [name, text] of Object.entries(allText(out))) {
        expect({ name, leaked: leakedForms(text) }).toEqual({ name, leaked: [] });
      }
      expect(out.json).toContain('hooks?token=[redacted]');
    });

    it('puts each failure with its reproduction into junit.xml, the summary and the page', () => {
      const failing = out.report.checks.filter((c) => c.status === 'fail');
      const junitFailures = findAll(parseXml(out.junit), 'failure');
      expect(junitFailures).toHaveLength(failing.length);
      for (const element of junitFailures) {
        expect(element.attributes.message).toMatch(/expected .+, got .+/);
        expect(element.text).toContain('curl -sS -i -X POST');
        expect(element.text).toContain('npx --no-install hookproof replay');
      }
      const first = failing[0]?.failures[0];
      expect(out.summary).toContain(`label:    ${first?.label ?? '?'}`);
      expect(out.summary).toContain('openssl dgst -sha512 -hmac "$HOOKPROOF_SECRET"');
      expect(bodyText(out.html)).toContain(first?.case ?? '?');
      expect(networkReferences(out.html)).toEqual([]);
    });

    it('prints FAIL progress lines with failure counts', () => {
      expect(out.ciProgress).toMatch(/^FAIL {2}\S+ {2}[A-Z]+-\d+ {2}\d+ cases {2}\d+\.\d s {2}1 failure/m);
      expect(out.ttyProgress).toContain('\r\x1b[2K');
    });
  });

  describe('a receiver that answers 410 Gone', () => {
    let out: RunOutput;
    beforeAll(async () => {
      const receiver = await closing(goneReceiver());
      out = await runAndWrite(receiver.url, join(dir, 'gone'));
    });

    it('is reported GONE loudly everywhere', () => {
      expect(out.report.gone).toBeDefined();
      expect((JSON.parse(out.json) as CertificationReport).gone?.caseLabel).toBe(out.report.gone?.caseLabel);
      expect(out.html).toContain('GONE: THE RECEIVER ANSWERED 410');
      expect(findAll(parseXml(out.junit), 'property').find((p) => p.attributes.name === 'gone')).toBeDefined();
      expect(out.summary).toContain('!!! GONE');
      expect(out.ciProgress).toContain('!!! GONE');
    });
  });
});
