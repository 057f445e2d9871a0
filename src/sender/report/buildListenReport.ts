import { VERSION } from '../../version';
import { SENDER_CHECKS } from '../checks';
import type { SenderCheck } from '../checks/SenderCheck';
import type { ListenSession } from '../listen/listenUntil';
import { SENDER_REQUIREMENTS } from '../../contract/requirements';
import { judgeRetries, RETRY_JUDGE_DEFAULTS, type RetryJudgeOptions } from '../retryJudge';
import type { ListenReport, SenderCheckReport, SenderRequirementReport } from './ListenReport';

/** What {@link buildListenReport} judges. */
export interface ListenReportInput extends ListenSession {
  readonly spec: { readonly path: string; readonly sha256: string };
  readonly respond: string;
  readonly expect: readonly string[] | undefined;
  readonly secrets: number;
  readonly retry?: RetryJudgeOptions;
  /** The checks to run; default SENDER_CHECKS (the `--expect` one only when `expect` is set). */
  readonly checks?: readonly SenderCheck[];
}

const RANK = { fail: 3, pass: 2, skip: 1 } as const;

/** Judges a finished listen run: pure, so the same deliveries always give the same report. */
export function buildListenReport(input: ListenReportInput): ListenReport {
  const retries = judgeRetries(input.deliveries, input.endedAtMs, input.retry);
  const run = { deliveries: input.deliveries, retries, expect: input.expect };
  const selected = (input.checks ?? SENDER_CHECKS).filter((c) => c.requirement !== 'EXPECT' || input.expect !== undefined);
  const checks: SenderCheckReport[] = selected.map((check) => ({ id: check.id, title: check.title, requirement: check.requirement, ...check.judge(run) }));
  const count = (status: SenderCheckReport['status']): number => checks.filter((c) => c.status === status).length;
  return {
    tool: { name: 'hookproof', version: VERSION },
    spec: input.spec,
    listen: {
      url: input.url,
      respond: input.respond,
      expect: input.expect,
      secrets: input.secrets,
      retryWindowMs: input.retry?.retryWindowMs ?? RETRY_JUDGE_DEFAULTS.retryWindowMs,
      stoppedBy: input.stoppedBy,
    },
    startedAt: input.startedAt,
    finishedAt: input.finishedAt,
    verdict: count('fail') > 0 || input.deliveries.length === 0 ? 'fail' : 'pass',
    summary: { deliveries: input.deliveries.length, events: retries.events.length, ignored: input.ignored, pass: count('pass'), fail: count('fail'), skip: count('skip') },
    checks,
    requirements: requirementTable(checks),
    deliveries: input.deliveries,
    events: retries.events,
  };
}

function requirementTable(checks: readonly SenderCheckReport[]): SenderRequirementReport[] {
  return SENDER_REQUIREMENTS.map((req) => {
    const mine = checks.filter((c) => c.requirement === req.id);
    const worst = mine.reduce<SenderCheckReport['status'] | undefined>((acc, c) => (acc === undefined || RANK[c.status] > RANK[acc] ? c.status : acc), undefined);
    return { id: req.id, summary: req.summary, status: worst ?? 'not-run', checks: mine.map((c) => c.id) };
  });
}
