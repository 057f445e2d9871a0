import { readFileSync } from 'node:fs';
import type { CaseDelivery, CasePlan, Failure } from '../evidence/failure';
import type { RecordedRequest } from '../evidence/recordedRequest';
import type { DerivedDigest, SignatureRecipe } from '../evidence/signatureRecipe';
import { InputUnreadableError, ReportUnreadableError } from '../errors';
import type { CertificationReport, CheckReport } from '../evidence/certificationReport';

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

/** Whether a recorded request read from a file has what replaying needs, with the right types. */
export function isReplayableRequest(value: unknown): value is RecordedRequest {
  const request = value as Partial<Record<keyof RecordedRequest, unknown>> | null | undefined;
  if (typeof request !== 'object' || request === null) return false;
  const signature = request.signature as Partial<Record<keyof SignatureRecipe, unknown>> | null | undefined;
  return (
    typeof request.bodyBase64 === 'string' &&
    /^[A-Za-z0-9+/]*={0,2}$/.test(request.bodyBase64) &&
    typeof request.headers === 'object' &&
    request.headers !== null &&
    Object.values(request.headers).every((v) => typeof v === 'string') &&
    typeof signature === 'object' &&
    signature !== null &&
    (signature.parts === null || (Array.isArray(signature.parts) && signature.parts.every(isHeaderPart))) &&
    (signature.signedBodyBase64 === undefined || (typeof signature.signedBodyBase64 === 'string' && /^[A-Za-z0-9+/]*={0,2}$/.test(signature.signedBodyBase64)))
  );
}

function isHeaderPart(part: unknown): boolean {
  if (typeof part === 'string') return true;
  const digest = (part as { digest?: unknown } | null)?.digest as Partial<Record<keyof DerivedDigest, unknown>> | null | undefined;
  if (typeof digest !== 'object' || digest === null) return false;
  const edit = digest.edit as Record<string, unknown> | undefined;
  return (
    Number.isInteger(digest.secretIndex) &&
    (digest.secretIndex as number) >= 0 &&
    (digest.algorithm === 'sha512' || digest.algorithm === 'sha256' || digest.algorithm === 'sha1') &&
    (digest.over === 'sent-body' || digest.over === 'signed-body') &&
    typeof digest.upperCase === 'boolean' &&
    (edit === undefined ||
      (edit.kind === 'digit' && Number.isInteger(edit.at) && typeof edit.digit === 'string' && /^[0-9a-f]$/.test(edit.digit)) ||
      (edit.kind === 'slice' && Number.isInteger(edit.start) && Number.isInteger(edit.end)) ||
      (edit.kind === 'around' && typeof edit.before === 'string' && typeof edit.after === 'string' && /^[0-9a-fA-F]*$/.test(`${edit.before}${edit.after}`)))
  );
}

/** Whether a failure read from a file has what replaying needs: its request, and every delivery of its plan. */
function isReplayable(failure: Failure): boolean {
  if (!isReplayableRequest((failure as { request?: unknown }).request)) return false;
  const plan = (failure as { plan?: unknown }).plan as Partial<Record<keyof CasePlan, unknown>> | null | undefined;
  if (plan === undefined) return true;
  if (typeof plan !== 'object' || plan === null || !Array.isArray(plan.deliveries)) return false;
  const retries = plan.retries as { baseDelayMs?: unknown } | undefined;
  if (retries !== undefined && !(typeof retries.baseDelayMs === 'number' && retries.baseDelayMs >= 0 && retries.baseDelayMs <= 60_000)) return false;
  return (plan.deliveries as unknown[]).every((d) => {
    const delivery = d as Partial<Record<keyof CaseDelivery, unknown>> | null;
    return (
      typeof delivery === 'object' &&
      delivery !== null &&
      (delivery.role === 'setup' || delivery.role === 'judged' || delivery.role === 'control') &&
      typeof delivery.label === 'string' &&
      (delivery.batch === undefined || Number.isInteger(delivery.batch)) &&
      isReplayableRequest(delivery.request)
    );
  });
}
