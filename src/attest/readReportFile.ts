import { readFileSync } from 'node:fs';
import { InputUnreadableError, ReportUnreadableError } from '../errors';
import type { CertificationReport } from '../reportModel/certificationReport';
import { extractEmbeddedJson } from './embeddedReport';

/**
 * Reads a report from report.json, or from report.html through the report.json it embeds: the page
 * alone is enough to verify or recheck. Unreadable or foreign files are a one-line error (exit 2).
 */
export function readReportFile(path: string): CertificationReport {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new InputUnreadableError(path, cause);
  }
  const looksHtml = /^\s*</.test(text);
  const json = looksHtml ? extractEmbeddedJson(text) : text;
  if (json === undefined) throw new ReportUnreadableError(`${path} is an HTML page without an embedded hookproof report (written by hookproof before 0.2?)`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new ReportUnreadableError(`${path} is not a hookproof report (not JSON)`);
  }
  if (!isReportShaped(parsed)) throw new ReportUnreadableError(`${path} is not a hookproof report (no formatVersion, checks or verdict)`);
  return parsed;
}

function isReportShaped(value: unknown): value is CertificationReport {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    v.formatVersion === 1 &&
    Array.isArray(v.checks) &&
    (v.verdict === 'pass' || v.verdict === 'fail' || v.verdict === 'incomplete') &&
    typeof v.tool === 'object' &&
    typeof v.spec === 'object' &&
    typeof v.target === 'object'
  );
}
