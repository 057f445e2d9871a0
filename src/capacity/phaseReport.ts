import { decodeHistogram, encodeHistogram, summariseLatency } from './latencyHistogram';
import type { LoadPhaseResult, PhaseSecond } from './loadPhase';
import type { CapacityPhaseReport } from './capacityReport';

/** A measured phase as report.json keeps it (histograms encoded, percentiles in ms). */
export function toPhaseReport(name: string, phase: LoadPhaseResult): CapacityPhaseReport {
  const succeededInTime = phase.classes.success - phase.lateSuccesses;
  return {
    name,
    rate: phase.rate,
    durationMs: phase.durationMs,
    scheduled: phase.scheduled,
    sent: phase.sent,
    classes: phase.classes,
    statuses: phase.statuses,
    lateSuccesses: phase.lateSuccesses,
    retryAfterAnswers: phase.retryAfterAnswers,
    achievedRate: Math.round(achievedRate(phase, succeededInTime) * 10) / 10,
    latency: summariseLatency(phase.latency),
    histogram: encodeHistogram(phase.latency),
    timeline: phase.timeline.map((s) => {
      const summary = summariseLatency(s.latency);
      return {
        second: s.second,
        offered: s.offered,
        succeeded: s.succeeded,
        p50Ms: summary.p50Ms,
        p90Ms: summary.p90Ms,
        p99Ms: summary.p99Ms,
        histogram: encodeHistogram(s.latency),
      };
    }),
    failures: phase.failures,
    selfStallMaxMs: phase.selfStallMaxMs,
    selfLateSends: phase.selfLateSends,
    interrupted: phase.interrupted,
  };
}

/**
 * Events accepted in time per second of the schedule the phase went through: for a phase cut short
 * (Ctrl-C), the part it sent, not the planned length (5 events in a planned minute are not 0.1/s).
 * The schedule is even, so the share of it sent is the share of the planned time it covered.
 */
function achievedRate(phase: LoadPhaseResult, succeededInTime: number): number {
  const coveredSeconds = phase.scheduled === 0 ? 0 : (phase.durationMs / 1000) * (phase.sent / phase.scheduled);
  return coveredSeconds === 0 ? 0 : succeededInTime / coveredSeconds;
}

/** Back from report.json to what the judges read: `capacity merge` re-judges merged shards. */
export function fromPhaseReport(report: CapacityPhaseReport): LoadPhaseResult {
  return {
    rate: report.rate,
    durationMs: report.durationMs,
    scheduled: report.scheduled,
    sent: report.sent,
    classes: { ...report.classes },
    statuses: { ...report.statuses },
    lateSuccesses: report.lateSuccesses,
    retryAfterAnswers: report.retryAfterAnswers,
    latency: decodeHistogram(report.histogram),
    timeline: report.timeline.map((s): PhaseSecond => ({ second: s.second, offered: s.offered, succeeded: s.succeeded, latency: decodeHistogram(s.histogram) })),
    failures: report.failures,
    selfStallMaxMs: report.selfStallMaxMs,
    selfLateSends: report.selfLateSends,
    interrupted: report.interrupted,
  };
}
