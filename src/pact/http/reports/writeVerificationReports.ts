import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { redactSecrets } from '../../../redaction/redactSecrets';
import { verificationJunit } from './verificationJunit';
import type { PactVerificationReport } from './verificationReport';
import { jsonText } from '../../../text/jsonText';

/** The files `pact verify --report-dir DIR` writes, as `certify` names its own. */
export const VERIFICATION_REPORT_FILES = { json: 'report.json', junit: 'junit.xml' } as const;

/**
 * Writes report.json and junit.xml into `dir` (created if needed), every secret redacted from
 * every value, and resolves their paths.
 */
export async function writeVerificationReports(report: PactVerificationReport, dir: string, secrets: readonly string[]): Promise<{ json: string; junit: string }> {
  const at = resolve(dir);
  await mkdir(at, { recursive: true });
  const json = join(at, VERIFICATION_REPORT_FILES.json);
  const junit = join(at, VERIFICATION_REPORT_FILES.junit);
  // Redacted as values, before any escaping (JSON's or XML's) can change how a secret is written.
  const redacted = JSON.parse(JSON.stringify(report, (_key, value: unknown) => (typeof value === 'string' ? redactSecrets(value, secrets) : value))) as PactVerificationReport;
  await writeFile(json, jsonText(redacted));
  await writeFile(junit, verificationJunit(redacted));
  return { json, junit };
}
