import { readFileSync } from 'node:fs';
import type { Failure } from '../checks/check';
import { resignHeader } from '../checks/signatureRecipe';
import { createDeliveryClient, type DeliveryResult } from '../delivery';
import { InputUnreadableError, ReportUnreadableError } from '../errors';
import type { CertificationReport, CheckReport } from '../reportModel/certificationReport';
import { hmacSha512Hex } from '../signing';
import { validateTarget } from './validateTarget';

/** Reads report.json and finds one failing case by its ID. */
export function findReportedCase(reportPath: string, caseId: string): Failure {
  return findReportedCaseWithCheck(reportPath, caseId).failure;
}

/** Reads report.json and finds one failing case by its ID, with the check that reported it. */
export function findReportedCaseWithCheck(reportPath: string, caseId: string): { readonly failure: Failure; readonly check: CheckReport } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(reportPath, 'utf8'));
  } catch (cause) {
    if (cause instanceof SyntaxError) throw new ReportUnreadableError(`${reportPath} is not a hookproof report.json (not JSON)`);
    throw new InputUnreadableError(reportPath, cause);
  }
  const report = parsed as Partial<Record<keyof CertificationReport, unknown>> | null;
  if (typeof report !== 'object' || report === null || !Array.isArray(report.checks)) {
    throw new ReportUnreadableError(`${reportPath} is not a hookproof report.json (no checks)`);
  }
  const checks = (report.checks as readonly unknown[]).filter(
    (c: unknown): c is CheckReport => typeof c === 'object' && c !== null && Array.isArray((c as { failures?: unknown }).failures),
  );
  const failures = checks.flatMap((c) => c.failures as readonly unknown[]);
  const isCase = (f: unknown): f is Failure => typeof f === 'object' && f !== null && (f as { case?: unknown }).case === caseId;
  const check = checks.find((c) => (c.failures as readonly unknown[]).some(isCase));
  const found = check?.failures.find(isCase);
  if (found === undefined || check === undefined) {
    const known = failures.map((f) => (f as { case?: unknown }).case).filter((c): c is string => typeof c === 'string');
    throw new ReportUnreadableError(`no case "${caseId}" in ${reportPath}${known.length > 0 ? `; its cases: ${known.join(', ')}` : ' (it has no failures)'}`);
  }
  if (!isReplayable(found)) throw new ReportUnreadableError(`case "${caseId}" in ${reportPath} is malformed: it has no request body and signature to replay`);
  if (found.request.truncated !== undefined) {
    throw new ReportUnreadableError(
      `the report keeps only the first ${Buffer.from(found.request.bodyBase64, 'base64').length} of the ${found.request.truncated.size} bytes of case "${caseId}"; replay it from the listen --record file`,
    );
  }
  return { failure: found, check };
}

/** Whether a failure read from a file has what replaying needs, with the right types. */
function isReplayable(failure: Failure): boolean {
  const request = (failure as { request?: unknown }).request as Partial<Record<keyof Failure['request'], unknown>> | null | undefined;
  if (typeof request !== 'object' || request === null) return false;
  const signature = request.signature as Partial<Record<keyof Failure['request']['signature'], unknown>> | null | undefined;
  return (
    typeof request.bodyBase64 === 'string' &&
    /^[A-Za-z0-9+/]*={0,2}$/.test(request.bodyBase64) &&
    typeof request.headers === 'object' &&
    request.headers !== null &&
    Object.values(request.headers).every((v) => typeof v === 'string') &&
    typeof signature === 'object' &&
    signature !== null &&
    (signature.header === null || typeof signature.header === 'string') &&
    Array.isArray(signature.signedDigests)
  );
}

export interface ReplayOptions {
  readonly url: string;
  /** When given, digests that were valid for the original receiver are recomputed with these. */
  readonly secrets?: readonly string[];
  readonly timeoutMs?: number;
  /** Headers added to the delivery (`-H`). */
  readonly extraHeaders?: Readonly<Record<string, string>>;
}

/** Sends a reported case again, byte for byte, to any URL. */
export async function replayCase(
  failure: Failure,
  options: ReplayOptions,
): Promise<{ readonly result: DeliveryResult; readonly headers: Record<string, string>; readonly body: Buffer }> {
  const url = validateTarget(options.url, true);
  const body = Buffer.from(failure.request.bodyBase64, 'base64');
  const secrets = options.secrets ?? [];
  const header =
    secrets.length === 0
      ? (failure.request.signature.header ?? undefined)
      : resignHeader(failure.request.signature, (index, upperCase) => {
          const hex = hmacSha512Hex(body, secrets[Math.min(index, secrets.length - 1)] ?? '');
          return upperCase ? hex.toUpperCase() : hex;
        });
  const headers: Record<string, string> = { 'content-type': 'application/json', ...failure.request.headers };
  if (header !== undefined) headers['x-signature'] = header;
  const client = createDeliveryClient({ timeoutMs: options.timeoutMs ?? 5000, ...(options.extraHeaders !== undefined ? { extraHeaders: options.extraHeaders } : {}) });
  try {
    return { result: await client.send({ url, body, headers }), headers, body };
  } finally {
    await client.close();
  }
}
