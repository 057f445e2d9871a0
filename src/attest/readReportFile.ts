import { readFileSync } from 'node:fs';
import { InputUnreadableError, ReportUnreadableError } from '../errors';
import type { CertificationReport } from '../evidence/certificationReport';
import { extractEmbeddedJson } from './embeddedReport';
import { reportSchemaProblem } from './reportSchema';
import { parseStrictJson } from './strictJson';

/** A report's text and where it came from: report.json itself, or the data block of report.html. */
export interface ReportSource {
  readonly report: CertificationReport;
  /** The page, when the report was read from report.html. */
  readonly page?: string;
}

/**
 * Reads a report from report.json, or from report.html through the report.json it embeds: the page
 * alone is enough to verify or recheck. Unreadable or foreign files are a one-line error (exit 2).
 */
export function readReportFile(path: string): CertificationReport {
  return readReportSource(path).report;
}

/**
 * {@link readReportFile}, keeping the page it came from (report verify re-renders it). The text
 * must be UTF-8, strict JSON (no duplicate member names, no lone surrogates: see parseStrictJson)
 * and a report by the published schema (contracts/report.schema.json): whatever hookproof reads
 * next (recheck, verify, sign) then finds every field it relies on, with its type.
 */
export function readReportSource(path: string): ReportSource {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (cause) {
    throw new InputUnreadableError(path, cause);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ReportUnreadableError(`${path} is not a hookproof report (not UTF-8 text)`);
  }
  const looksHtml = /^\s*</.test(text);
  const json = looksHtml ? extractEmbeddedJson(text) : text;
  if (json === undefined) throw new ReportUnreadableError(`${path} is an HTML page without an embedded hookproof report (written by hookproof before 0.2?)`);
  const parsed = parseStrictJson(json.replace(/^\uFEFF/, ''));
  if (!parsed.ok) throw new ReportUnreadableError(`${path} is not a hookproof report (not strict JSON: ${parsed.problem})`);
  const problem = reportSchemaProblem(parsed.value);
  if (problem !== undefined) throw new ReportUnreadableError(`${path} is not a valid hookproof report: ${problem} (see contracts/report.schema.json)`);
  return { report: parsed.value as CertificationReport, ...(looksHtml ? { page: text } : {}) };
}
