import { assembleReport } from '../../evidence/assembleReport';
import type { CertificationReport, CheckReport } from '../../evidence/certificationReport';
import { VERSION } from '../../version';
import { SENDER_CHECKS } from '../checks';
import type { ListenRun, SenderCheck } from '../checks/SenderCheck';
import type { ListenSession } from '../listen/listenUntil';
import { SENDER_REQUIREMENTS } from '../../contract/requirements';
import { judgeRetries, RETRY_JUDGE_DEFAULTS, type RetryJudgeOptions } from '../retryJudge';
import { listenCoverage, listenExtension } from './listenRecord';
import { failuresOf, type ListenRecording } from './recordDelivery';

/** What {@link buildListenReport} judges. */
export interface ListenReportInput extends Omit<ListenSession, 'ownStalls'> {
  /** hookproof's own stalls during the run (default none): SND-3 never charges them to the sender. */
  readonly ownStalls?: ListenSession['ownStalls'];
  readonly spec: { readonly path: string; readonly sha256: string };
  readonly respond: string;
  readonly expect: readonly string[] | undefined;
  /** The secrets the listener held: counted in the report, and used only to locate digests (never copied). */
  readonly secrets: readonly string[];
  /** Where report.json will be written: what the failures' replay commands name. */
  readonly reportPath: string;
  readonly retry?: RetryJudgeOptions;
  /** The checks to run; default SENDER_CHECKS (the `--expect` one only when `expect` is set). */
  readonly checks?: readonly SenderCheck[];
}

/** Every SND requirement is required. */
const SENDER_TABLE = SENDER_REQUIREMENTS.map((r) => ({ ...r, severity: 'required' as const }));

/**
 * Judges a finished listen run into its report (`subject: 'sender'`), put together by the same
 * assembleReport as certify's: one check per SND judgement (and `--expect`), each failure carrying
 * the delivery's exact bytes, the SND requirements as the requirement table, coverage =
 * deliveries by type, and the run's own record under `listen`. Pure: the same deliveries always
 * give the same report.
 */
export function buildListenReport(input: ListenReportInput): CertificationReport {
  const retries = judgeRetries(input.deliveries, input.endedAtMs, input.retry, input.ownStalls);
  const recording: ListenRecording = { url: input.url, secrets: input.secrets, reportPath: input.reportPath };
  const selected = (input.checks ?? SENDER_CHECKS).filter((c) => c.requirement !== 'EXPECT' || input.expect !== undefined);
  const checks = selected.map((check): CheckReport => {
    const run: ListenRun = { deliveries: input.deliveries, retries, expect: input.expect, failures: (wrong) => failuresOf(check.id, wrong, input.deliveries, recording) };
    // Judged after the run, from what was received: no time worth reporting.
    return { id: check.id, title: check.title, requirement: check.requirement, severity: check.severity, durationMs: 0, ...check.run(run) };
  });
  return assembleReport({
    subject: { kind: 'sender', requirements: SENDER_TABLE, deliveries: input.deliveries.length },
    facts: {
      tool: { name: 'hookproof', version: VERSION },
      spec: input.spec,
      target: { url: input.url, trust: 'sender under test: hookproof listen received its deliveries on plain http' },
      // A listen run sends nothing: it has no runs per property nor a delivery timeout (0), and no seed.
      options: {
        runs: 0,
        timeoutMs: 0,
        concurrency: 1,
        allowHttp: true,
        types: [...new Set(input.deliveries.map((d) => d.type ?? '(no type)'))].sort(),
        checks: checks.map((c) => c.id),
        secrets: input.secrets.length,
      },
      startedAt: input.startedAt,
      finishedAt: input.finishedAt,
      listen: listenExtension({
        respond: input.respond,
        expect: input.expect,
        stoppedBy: input.stoppedBy,
        retryWindowMs: input.retry?.retryWindowMs ?? RETRY_JUDGE_DEFAULTS.retryWindowMs,
        deliveries: input.deliveries,
        events: retries.events,
        ignored: input.ignored,
      }),
    },
    checks,
    coverage: [listenCoverage(input.deliveries)],
  });
}
