import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describeCause, ReportUnreadableError } from '../errors';
import { redactSecrets } from '../redaction/redactSecrets';
import type { CapacityReport } from './capacityReport';
import type { CapacitySample } from './loadPhase';
import { renderCapacityHtml, renderCapacityJson, renderCapacityJunit } from './renderCapacity';

export const CAPACITY_FILE_NAMES = { json: 'capacity.json', junit: 'junit.xml', html: 'capacity.html' } as const;

/**
 * Writes capacity.json, capacity.html and junit.xml into `dir`. Only the receiver's own text (its
 * answers) is redacted: the numbers and histograms hookproof wrote are left exactly as measured.
 */
export async function writeCapacityReports(report: CapacityReport, dir: string, secrets: readonly string[]): Promise<{ json: string; junit: string; html: string }> {
  const safe = redactAnswers(report, secrets);
  const root = resolve(dir);
  await mkdir(root, { recursive: true });
  const files = { json: join(root, CAPACITY_FILE_NAMES.json), junit: join(root, CAPACITY_FILE_NAMES.junit), html: join(root, CAPACITY_FILE_NAMES.html) };
  await Promise.all([atomically(files.json, renderCapacityJson(safe)), atomically(files.junit, renderCapacityJunit(safe)), atomically(files.html, renderCapacityHtml(safe))]);
  return files;
}

/** Reads `dir/capacity.json` (or a capacity.json path) for `capacity merge`. */
export async function readCapacityReport(path: string): Promise<CapacityReport> {
  const file = path.endsWith('.json') ? path : join(path, CAPACITY_FILE_NAMES.json);
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'));
  } catch (cause) {
    throw new ReportUnreadableError(`cannot read ${file}: ${describeCause(cause)}`);
  }
  if (typeof parsed !== 'object' || parsed === null || (parsed as { format?: unknown }).format !== 'hookproof-capacity/v1') {
    throw new ReportUnreadableError(`${file} is not a hookproof capacity report (format hookproof-capacity/v1)`);
  }
  return parsed as CapacityReport;
}

function redactAnswers(report: CapacityReport, secrets: readonly string[]): CapacityReport {
  const sample = (f: CapacitySample): CapacitySample => ({
    ...f,
    answer: redactSecrets(f.answer, secrets),
    ...(f.error !== undefined ? { error: redactSecrets(f.error, secrets) } : {}),
  });
  return {
    ...report,
    phases: report.phases.map((p) => ({ ...p, failures: p.failures.map(sample) })),
    requirements: report.requirements.map((r) => ({ ...r, summary: redactSecrets(r.summary, secrets), failures: r.failures.map(sample) })),
    ...(report.recovery !== undefined ? { recovery: { ...report.recovery, failures: report.recovery.failures.map(sample) } } : {}),
  };
}

async function atomically(path: string, text: string): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, text, 'utf8');
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
