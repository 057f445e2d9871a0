import type { Failure } from '../../evidence/failure';
import type { RecordedRequest } from '../../evidence/recordedRequest';
import { signatureRecipe } from '../../evidence/signatureRecipe';
import type { CertificationReport, CheckReport, RequirementReport } from '../../evidence/certificationReport';
import { reproduction } from '../../checks/reproduce';
import type { CoverageTable } from '../../evidence/coverageTable';
import type { ReceivedDelivery } from '../listen/ReceivedDelivery';
import type { EventHistory } from '../retryJudge';
import type { ListenReport, SenderCheckReport } from './ListenReport';

/** What report.json of a listen run carries beyond the certify shape. */
export interface ListenReportExtension {
  readonly kind: 'listen';
  readonly respond: string;
  readonly expect: readonly string[] | null;
  readonly stoppedBy: ListenReport['listen']['stoppedBy'];
  readonly retryWindowMs: number;
  readonly deliveries: ReadonlyArray<{
    readonly index: number;
    readonly receivedAt: string;
    readonly atMs: number;
    readonly eventId: string | null;
    readonly type: string | null;
    readonly attempt: number;
    readonly size: number;
    readonly signature: string;
    readonly schema: string;
    readonly answer: number;
  }>;
  readonly events: readonly EventHistory[];
  readonly ignored: number;
}

/** A listen report in the shape the certify writers render, plus the `listen` extension. */
export type AdaptedListenReport = CertificationReport & { readonly listen: ListenReportExtension };

/**
 * Adapts a listen report to `CertificationReport`, so writeReports renders report.json, junit.xml
 * and report.html unchanged: one check per SND judgement, each finding a failure carrying the
 * delivery's exact bytes (with a curl snippet and a replay command that resend them, e.g. to your
 * own receiver), the SND requirements as the requirement table, and coverage = deliveries by type.
 * `subject: 'sender'` makes the writers drop the certify-only wording (seed, runs, timeout, cases
 * sent, TLS-1); seed and the runs/timeout options are 0 as they mean nothing here.
 *
 * `secrets` only locate the digests made with them (for the curl snippet's re-signing); they are
 * never copied. `reportPath` is what the replay commands name.
 */
export function toCertificationReport(report: ListenReport, secrets: readonly string[], reportPath: string): AdaptedListenReport {
  const byIndex = new Map(report.deliveries.map((d) => [d.index, d]));
  const checks: CheckReport[] = report.checks.map((check) => ({
    id: check.id,
    title: check.title,
    requirement: check.requirement,
    severity: 'required',
    status: check.status,
    cases: check.cases,
    durationMs: 0,
    failures: failuresOf(check, byIndex, report.listen.url, secrets, reportPath),
    ...(check.note !== undefined ? { note: check.note } : {}),
  }));
  const requirements: RequirementReport[] = report.requirements.map((r) => ({ id: r.id, severity: 'required', summary: r.summary, status: r.status, checks: r.checks }));
  return {
    formatVersion: 1,
    subject: 'sender',
    tool: report.tool,
    spec: report.spec,
    target: { url: report.listen.url, trust: 'sender under test: hookproof listen received its deliveries on plain http' },
    seed: 0,
    options: {
      runs: 0,
      timeoutMs: 0,
      concurrency: 1,
      allowHttp: true,
      types: [...new Set(report.deliveries.map((d) => d.type ?? '(no type)'))].sort(),
      checks: report.checks.map((c) => c.id),
      secrets: report.listen.secrets,
    },
    startedAt: report.startedAt,
    finishedAt: report.finishedAt,
    verdict: report.verdict,
    summary: { pass: report.summary.pass, fail: report.summary.fail, warn: 0, skip: report.summary.skip, cases: report.summary.deliveries },
    checks,
    requirements,
    coverage: coverage(report.deliveries),
    listen: extension(report),
  };
}

function failuresOf(check: SenderCheckReport, byIndex: ReadonlyMap<number, ReceivedDelivery>, url: string, secrets: readonly string[], reportPath: string): Failure[] {
  return check.failures.flatMap((failure, i) => {
    const delivery = byIndex.get(failure.delivery);
    if (delivery === undefined) return [];
    const caseId = `${check.id}#${i + 1}`;
    const request = recordDelivery(delivery, secrets);
    const target = `${url.replace(/\/$/, '')}${delivery.path.startsWith('/') ? delivery.path : `/${delivery.path}`}`;
    return [{ case: caseId, label: failure.label, expected: failure.expected, actual: failure.actual, reproduce: reproduction(target, reportPath, caseId, request), request }];
  });
}

/**
 * The delivery as a report's request: the kept prefix of its body (at most KEPT_BODY_BYTES), with
 * `truncated` giving the size and SHA-256 of the whole body when the prefix is not all of it, so a
 * report stays small whatever a sender sent (the `--record` file has the bodies).
 */
function recordDelivery(delivery: ReceivedDelivery, secrets: readonly string[]): RecordedRequest {
  const text = delivery.body.toString('utf8');
  const contentType = delivery.headers['content-type'];
  const whole = delivery.body.length === delivery.size && !delivery.cut;
  return {
    bodyBase64: delivery.body.toString('base64'),
    ...(Buffer.from(text, 'utf8').equals(delivery.body) ? { bodyText: text } : {}),
    ...(whole ? {} : { truncated: { size: delivery.size, sha256: delivery.sha256 } }),
    // The replay and curl send application/json unless the sender sent something else.
    headers: contentType !== undefined && contentType !== 'application/json' ? { 'content-type': contentType } : {},
    signature: signatureRecipe(delivery.body, delivery.signatureHeader, secrets),
  };
}

const VARIANTS = ['deliveries', 'retries', 'schema-invalid', 'signature-bad'] as const;

function coverage(deliveries: readonly ReceivedDelivery[]): CoverageTable {
  const rows = new Map<string, Record<(typeof VARIANTS)[number], number>>();
  for (const d of deliveries) {
    const type = d.type ?? '(no type)';
    const row = rows.get(type) ?? { deliveries: 0, retries: 0, 'schema-invalid': 0, 'signature-bad': 0 };
    row.deliveries += 1;
    if (d.attempt > 1) row.retries += 1;
    if (!d.schema.ok) row['schema-invalid'] += 1;
    if (!d.signature.ok) row['signature-bad'] += 1;
    rows.set(type, row);
  }
  return { variants: VARIANTS, rows: [...rows].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([type, counts]) => ({ type, counts })) };
}

function extension(report: ListenReport): ListenReportExtension {
  return {
    kind: 'listen',
    respond: report.listen.respond,
    expect: report.listen.expect ?? null,
    stoppedBy: report.listen.stoppedBy,
    retryWindowMs: report.listen.retryWindowMs,
    deliveries: report.deliveries.map((d) => ({
      index: d.index,
      receivedAt: d.receivedAt,
      atMs: Math.round(d.atMs),
      eventId: d.eventId ?? null,
      type: d.type ?? null,
      attempt: d.attempt,
      size: d.size,
      signature: d.signature.ok ? 'ok' : d.signature.detail,
      schema: d.schema.ok ? 'ok' : d.schema.issues.join('; '),
      answer: d.answer,
    })),
    events: report.events.map((e) => ({
      ...e,
      attempts: e.attempts.map((a) => ({ ...a, atMs: Math.round(a.atMs), answeredAtMs: Math.round(a.answeredAtMs) })),
      gapsMs: e.gapsMs.map((g) => Math.round(g)),
    })),
    ignored: report.summary.ignored,
  };
}
