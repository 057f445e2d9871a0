import { readFileSync } from 'node:fs';
import type { Failure } from '../checks/check';
import { resignHeader } from '../checks/signatureRecipe';
import { createDeliveryClient, type DeliveryResult } from '../delivery';
import { HookproofError, InputUnreadableError } from '../errors';
import type { CertificationReport, CheckReport } from '../reports/report';
import { hmacSha512Hex } from '../signing';
import { validateTarget } from './validateTarget';

/** Reads report.json and finds one failing case by its ID. */
export function findReportedCase(reportPath: string, caseId: string): Failure {
  return findReportedCaseWithCheck(reportPath, caseId).failure;
}

/** Reads report.json and finds one failing case by its ID, with the check that reported it. */
export function findReportedCaseWithCheck(reportPath: string, caseId: string): { readonly failure: Failure; readonly check: CheckReport } {
  let report: CertificationReport;
  try {
    report = JSON.parse(readFileSync(reportPath, 'utf8')) as CertificationReport;
  } catch (cause) {
    if (cause instanceof SyntaxError) throw new HookproofError('REPORT_UNREADABLE', `${reportPath} is not a hookproof report.json (not JSON)`);
    throw new InputUnreadableError(reportPath, cause);
  }
  if (!Array.isArray(report.checks)) throw new HookproofError('REPORT_UNREADABLE', `${reportPath} is not a hookproof report.json (no checks)`);
  const failures = report.checks.flatMap((c) => c.failures);
  const check = report.checks.find((c) => c.failures.some((f: Failure) => f.case === caseId));
  const found = check?.failures.find((f: Failure) => f.case === caseId);
  if (found === undefined || check === undefined) {
    const known = failures.map((f) => f.case);
    throw new HookproofError('REPORT_UNREADABLE', `no case "${caseId}" in ${reportPath}${known.length > 0 ? `; its cases: ${known.join(', ')}` : ' (it has no failures)'}`);
  }
  return { failure: found, check };
}

export interface ReplayOptions {
  readonly url: string;
  /** When given, digests that were valid for the original receiver are recomputed with these. */
  readonly secrets?: readonly string[];
  readonly timeoutMs?: number;
}

/** Sends a reported case again, byte for byte, to any URL. */
export async function replayCase(failure: Failure, options: ReplayOptions): Promise<{ readonly result: DeliveryResult; readonly headers: Record<string, string>; readonly body: Buffer }> {
  const url = validateTarget(options.url, true);
  const body = Buffer.from(failure.request.bodyBase64, 'base64');
  const secrets = options.secrets ?? [];
  const header =
    secrets.length === 0
      ? failure.request.signature.header ?? undefined
      : resignHeader(failure.request.signature, (index, upperCase) => {
          const hex = hmacSha512Hex(body, secrets[Math.min(index, secrets.length - 1)] ?? '');
          return upperCase ? hex.toUpperCase() : hex;
        });
  const headers: Record<string, string> = { 'content-type': 'application/json', ...failure.request.headers };
  if (header !== undefined) headers['x-signature'] = header;
  const client = createDeliveryClient({ timeoutMs: options.timeoutMs ?? 5000 });
  try {
    return { result: await client.send({ url, body, headers }), headers, body };
  } finally {
    await client.close();
  }
}
