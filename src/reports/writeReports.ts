import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { renderReportHtml } from './html/renderReportHtml';
import { renderReportJson } from './json/renderReportJson';
import { renderJunitXml } from './junit/renderJunitXml';
import { redactFailureBody } from './redaction/redactRequestBody';
import { redactValue } from '../redaction/redactValue';
import { keepOwnValues } from './redaction/keepOwnValues';
import type { CertificationReport } from '../evidence/certificationReport';
import { withDigest } from '../attest/reportDigest';
import { wellFormedStrings } from './wellFormedStrings';
import { keptBodyFile, longBodies } from '../checks/reproduce';

/** Absolute paths of the files {@link writeReports} wrote. */
export interface ReportFiles {
  readonly json: string;
  readonly junit: string;
  readonly html: string;
}

/** File names inside the report directory (the replay command refers to report.json by name). */
export const REPORT_FILE_NAMES = { json: 'report.json', junit: 'junit.xml', html: 'report.html' } as const;

/**
 * Writes report.json, junit.xml and report.html into `dir` (created if needed) and returns their
 * paths. No secret is ever written: every string value of the report (never a key, never markup)
 * is redacted before rendering, so each format stays valid whatever the secret spells, and request
 * bodies are redacted as bytes and marked (`request.redacted`). The renderers build every piece of
 * text from the report's values, so nothing reaches a file unredacted. Each file is written to a temporary name and renamed,
 * so a reader never sees half a report.
 */
export async function writeReports(report: CertificationReport, dir: string, secrets: readonly string[]): Promise<ReportFiles> {
  // The digest is of the report exactly as written: redacted, rendered and parsed back, so
  // `report verify` recomputes it from the file alone.
  const redacted = wellFormedStrings(JSON.parse(renderReportJson(redactReport(report, secrets))) as CertificationReport);
  const safe = withDigest(redacted);
  const root = resolve(dir);
  await mkdir(root, { recursive: true });
  const files: ReportFiles = {
    json: join(root, REPORT_FILE_NAMES.json),
    junit: join(root, REPORT_FILE_NAMES.junit),
    html: join(root, REPORT_FILE_NAMES.html),
  };
  await Promise.all([writeAtomically(files.json, renderReportJson(safe)), writeAtomically(files.junit, renderJunitXml(safe)), writeAtomically(files.html, renderReportHtml(safe))]);
  await writeBodyFiles(safe, root);
  return files;
}

/**
 * The bodies above 2 KB, in `bodies/<case>.body` and `bodies/<case>-<n>.body` (the files the printed curl snippet copies),
 * from the report as written: redacted like every other copy of the body.
 */
async function writeBodyFiles(report: CertificationReport, root: string): Promise<void> {
  const files = report.checks
    .flatMap((c) => c.failures)
    .flatMap((f) => {
      const bodyFile = f.reproduce.bodyFile;
      if (bodyFile === undefined) return [];
      // The judged request's body under the case's own name, and every long body the snippet writes.
      const judged = { name: basename(bodyFile), bytes: Buffer.from(f.request.bodyBase64, 'base64') };
      return [judged, ...longBodies(f.reproduce.curl).map((body) => ({ name: basename(keptBodyFile(bodyFile, body.target)), bytes: Buffer.from(body.base64, 'base64') }))];
    });
  if (files.length === 0) return;
  const dir = join(root, 'bodies');
  await mkdir(dir, { recursive: true });
  // One write per file: a single delivery's body is both the judged one and the snippet's.
  const byName = new Map(files.map((file) => [file.name, file.bytes]));
  await Promise.all([...byName].map(([name, bytes]) => writeAtomically(join(dir, name), bytes)));
}

/**
 * Bodies first (as bytes, so their base64 stays decodable for replay), then every other string
 * except hookproof's own values (see keepOwnValues).
 */
function redactReport(report: CertificationReport, secrets: readonly string[]): CertificationReport {
  if (secrets.length === 0) return report;
  const checks = report.checks.map((check) => ({ ...check, failures: check.failures.map((f) => redactFailureBody(f, secrets)) }));
  return keepOwnValues(report, redactValue({ ...report, checks }, secrets));
}

async function writeAtomically(path: string, content: string | Buffer): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, content);
    await rename(temporary, path);
  } catch (error) {
    // Never leave half a report behind under a name nobody cleans up.
    await rm(temporary, { force: true });
    throw error;
  }
}
