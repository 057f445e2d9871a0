import { UsageError } from '../errors';
import { addClassCounts, emptyClassCounts } from './classCounts';
import { capacityVerdict, type CapacityPhaseReport, type CapacityReport } from './capacityReport';
import { judgeSustainedRate, type CapacityJudgement } from './judgeCapacity';
import { createLatencyHistogram } from './latencyHistogram';
import type { LoadPhaseResult, PhaseSecond } from './loadPhase';
import { fromPhaseReport, toPhaseReport } from './phaseReport';
import { judgeRecovery, type RecoveryBurstResult } from './recoveryBurst';

/**
 * The shards of one sharded run, combined as if one machine had run it: counts summed, HDR
 * histograms added (exact), verdicts judged again on the whole. Refuses shards of different runs.
 */
export function mergeCapacityReports(reports: readonly CapacityReport[]): CapacityReport {
  const first = reports[0];
  if (first === undefined) throw new UsageError('capacity merge needs at least one capacity.json');
  const count = first.settings.shard?.count ?? 1;
  const indices = reports.map((r) => r.settings.shard?.index ?? 0);
  for (const report of reports) {
    const same =
      report.settings.rate === first.settings.rate &&
      report.settings.durationMs === first.settings.durationMs &&
      report.settings.outageMs === first.settings.outageMs &&
      report.settings.startAt === first.settings.startAt &&
      report.target === first.target;
    if (!same || (report.settings.shard?.count ?? 1) !== count)
      throw new UsageError('these capacity reports are not shards of one run (rate, duration, outage, --start-at, target and shard count must match)');
    if (report.findMax !== undefined) throw new UsageError('a --find-max run cannot be merged: it is never sharded');
  }
  if (new Set(indices).size !== indices.length || reports.length !== count) {
    throw new UsageError(`expected shards 1..${count} once each, got ${indices.map((i) => i + 1).join(', ')}`);
  }
  const requirements: CapacityJudgement[] = [];
  const phaseNames = [...new Set(reports.flatMap((r) => r.phases.map((p) => p.name)))];
  const phases = phaseNames.map((name) => {
    const merged = mergePhases(
      reports
        .map((r) => r.phases.find((p) => p.name === name))
        .filter((p) => p !== undefined)
        .map(fromPhaseReport),
    );
    return toPhaseReport(name, merged);
  });
  const recoveries = reports.map((r) => r.recovery).filter((r): r is RecoveryBurstResult => r !== undefined);
  const recovery = recoveries.length > 0 ? mergeRecoveries(recoveries) : undefined;
  // A shard that did not run a part (its receiver refused the event sent before any load) leaves
  // that part of the schedule unsent: the merged run is judged whole, or not at all.
  if (first.settings.rate !== undefined) {
    const merged = phases.find((p) => p.name === 'declared rate');
    requirements.push(
      wholeOrNot(
        'CAP-1',
        reports,
        (r) => r.phases.some((p) => p.name === 'declared rate'),
        () => judgeSustainedRate(fromPhaseReport(merged as CapacityPhaseReport)),
      ),
    );
  }
  if (first.settings.outageMs !== undefined) {
    requirements.push(
      wholeOrNot(
        'CAP-2',
        reports,
        (r) => r.recovery !== undefined,
        () => judgeRecovery(recovery as RecoveryBurstResult),
      ),
    );
  }
  return {
    ...first,
    startedAt: reports.map((r) => r.startedAt).sort()[0] ?? first.startedAt,
    finishedAt:
      reports
        .map((r) => r.finishedAt)
        .sort()
        .at(-1) ?? first.finishedAt,
    settings: { ...first.settings, shard: { index: 0, count } },
    verdict: capacityVerdict(requirements),
    requirements,
    phases,
    ...(recovery !== undefined ? { recovery } : {}),
    mergedShards: count,
  };
}

/**
 * The judgement of a merged requirement when every shard ran its part; otherwise not a pass: the
 * shards that did not, with what their own report says (not exercised when none ran it).
 */
function wholeOrNot(
  requirement: CapacityJudgement['requirement'],
  reports: readonly CapacityReport[],
  ran: (report: CapacityReport) => boolean,
  judge: () => CapacityJudgement,
): CapacityJudgement {
  const missing = reports.filter((r) => !ran(r));
  if (missing.length === 0) return judge();
  const shards = missing.map((r) => (r.settings.shard?.index ?? 0) + 1).join(', ');
  const own = missing.map((r) => r.requirements.find((j) => j.requirement === requirement)?.summary).find((s) => s !== undefined);
  return {
    requirement,
    status: missing.length === reports.length ? 'skipped' : 'inconclusive',
    summary: `shard ${shards} of ${reports.length} did not run it${own !== undefined ? `: ${own}` : ''}`,
    failures: [],
  };
}

function mergePhases(phases: readonly LoadPhaseResult[]): LoadPhaseResult {
  const classes = emptyClassCounts();
  const statuses: Record<string, number> = {};
  const latency = createLatencyHistogram();
  const timeline: PhaseSecond[] = [];
  for (const phase of phases) {
    addClassCounts(classes, phase.classes);
    for (const [status, n] of Object.entries(phase.statuses)) statuses[status] = (statuses[status] ?? 0) + n;
    latency.add(phase.latency);
    for (const s of phase.timeline) {
      while (timeline.length <= s.second) timeline.push({ second: timeline.length, offered: 0, succeeded: 0, latency: createLatencyHistogram(2) });
      const into = timeline[s.second] as PhaseSecond;
      into.offered += s.offered;
      into.succeeded += s.succeeded;
      into.latency.add(s.latency);
    }
  }
  const sum = (pick: (p: LoadPhaseResult) => number): number => phases.reduce((total, p) => total + pick(p), 0);
  const first = phases[0];
  return {
    rate: first?.rate ?? 0,
    durationMs: first?.durationMs ?? 0,
    scheduled: sum((p) => p.scheduled),
    sent: sum((p) => p.sent),
    classes,
    statuses,
    lateSuccesses: sum((p) => p.lateSuccesses),
    retryAfterAnswers: sum((p) => p.retryAfterAnswers),
    latency,
    timeline,
    failures: phases
      .flatMap((p) => p.failures)
      .sort((a, b) => a.scheduledAtMs - b.scheduledAtMs)
      .slice(0, 5),
    selfStallMaxMs: Math.max(0, ...phases.map((p) => p.selfStallMaxMs)),
    selfLateSends: sum((p) => p.selfLateSends),
    interrupted: phases.some((p) => p.interrupted),
  };
}

function mergeRecoveries(bursts: readonly RecoveryBurstResult[]): RecoveryBurstResult {
  const sum = (pick: (b: RecoveryBurstResult) => number): number => bursts.reduce((total, b) => total + pick(b), 0);
  const attempts = Math.max(...bursts.map((b) => b.acceptedByAttempt.length));
  return {
    backlog: sum((b) => b.backlog),
    duplicates: sum((b) => b.duplicates),
    live: sum((b) => b.live),
    accepted: sum((b) => b.accepted),
    acceptedByAttempt: Array.from({ length: attempts }, (_, i) => sum((b) => b.acceptedByAttempt[i] ?? 0)),
    lostPermanently: sum((b) => b.lostPermanently),
    exhausted: sum((b) => b.exhausted),
    duplicatesAccepted: sum((b) => b.duplicatesAccepted),
    retryAfterHonoured: sum((b) => b.retryAfterHonoured),
    failures: bursts.flatMap((b) => b.failures).slice(0, 5),
    interrupted: bursts.some((b) => b.interrupted),
  };
}
